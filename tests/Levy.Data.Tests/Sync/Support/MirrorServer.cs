using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Levy.Data.Tests.Sync.Support;

/// <summary>A minimal HTTP/1.1 server on 127.0.0.1 (a free port) that serves canned replies by path, including broken
/// ones (a body shorter than its Content-Length, a stalled body), and records every path requested.</summary>
/// <remarks>One request per connection (<c>Connection: close</c>), so a truncated reply ends exactly where the test
/// says. Official URLs map to <c>/host/path</c>, as <c>SyncOptions.BaseUrl</c> rewrites them.</remarks>
internal sealed class MirrorServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Reply> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _loop;

    private MirrorServer()
    {
        _listener.Start();
        // Dedicated threads, not the thread pool: tests that load every revision in parallel keep the pool busy, and a
        // starved server would turn into slow or timed-out tests.
        _loop = new Thread(AcceptLoop) { IsBackground = true, Name = "MirrorServer" };
        _loop.Start();
    }

    /// <summary>The server's address: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Every path requested, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static MirrorServer Start() => new();

    /// <summary>An address on 127.0.0.1 where nothing listens (a server started and stopped): connections are refused.</summary>
    public static async Task<Uri> ClosedUrl()
    {
        await using MirrorServer server = Start();
        return server.BaseUrl;
    }

    /// <summary>Serves <paramref name="reply"/> where the official URL <paramref name="official"/> maps to.</summary>
    public void Serve(Uri official, Reply reply) => _routes[PathFor(official)] = reply;

    /// <summary>The path an official URL maps to on this server.</summary>
    public static string PathFor(Uri official) => "/" + official.Host + official.PathAndQuery;

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Join();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (SocketException)
            {
                return; // stopped
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return; // stopped before this thread first listened ("Not listening"): a server started only to be closed
            }

            new Thread(() => Handle(client)) { IsBackground = true }.Start();
        }
    }

    private void Handle(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            string head = ReadHead(stream);
            string[] requestLine = head.Split("\r\n")[0].Split(' ');
            string path = requestLine.Length > 1 ? requestLine[1] : "/";
            Requests.Enqueue(path);
            Reply reply = _routes.GetValueOrDefault(path) ?? Reply.Status(404, "Not Found");

            var headers = new StringBuilder()
                .Append($"HTTP/1.1 {reply.Code} {reply.Reason}\r\n")
                .Append($"Content-Type: {reply.ContentType}\r\n")
                .Append($"Content-Length: {reply.DeclaredLength ?? reply.Body.Length}\r\n")
                .Append("Connection: close\r\n\r\n");
            try
            {
                stream.Write(Encoding.ASCII.GetBytes(headers.ToString()));
                stream.Flush();
                if (reply.Stall > TimeSpan.Zero)
                {
                    _stop.Token.WaitHandle.WaitOne(reply.Stall);
                }

                stream.Write(reply.Body);
                stream.Flush();
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (IOException)
            {
                // the client gave up (a timeout test); nothing to do
            }
            catch (SocketException)
            {
            }
        }
    }

    private static string ReadHead(NetworkStream stream)
    {
        var head = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            head.Add((byte)b);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }
}
/// <summary>A canned HTTP reply.</summary>
/// <param name="Code">The status code.</param>
/// <param name="Reason">The reason phrase.</param>
/// <param name="Body">The bytes sent as the body.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="DeclaredLength">The Content-Length sent, when it should differ from the body's length.</param>
/// <param name="Stall">A pause between the headers and the body.</param>
internal sealed record Reply(int Code, string Reason, byte[] Body, string ContentType, long? DeclaredLength = null, TimeSpan Stall = default)
{
    public static Reply Ok(byte[] body, string contentType = "application/octet-stream") => new(200, "OK", body, contentType);

    public static Reply Status(int code, string reason) =>
        new(code, reason, Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><body><h1>{code} {reason}</h1></body></html>"), "text/html");

    /// <summary>Announces <paramref name="declared"/> bytes, sends <paramref name="body"/>, and closes the connection.</summary>
    public static Reply Truncated(byte[] body, long declared) => new(200, "OK", body, "application/json", declared);
}

/// <summary>Refuses every request that is not for 127.0.0.1, so that no test can reach the real network by mistake.</summary>
internal sealed class LoopbackOnlyHandler : DelegatingHandler
{
    public LoopbackOnlyHandler()
        : base(new SocketsHttpHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { Host: "127.0.0.1" }
            ? base.SendAsync(request, cancellationToken)
            : throw new InvalidOperationException($"A test tried to reach {request.RequestUri}: tests never use the network.");
}
