extern alias web;

using System.Collections.Concurrent;
using Levy.Data;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levy.HostileInputs.Tests.Support;

/// <summary>The web host in memory on the shared data, in the Production environment (what clients get), without the
/// background data load; its log is kept in <see cref="Log"/>. A derived test may replace the rate engine.</summary>
internal class HostileWeb : WebApplicationFactory<web::Program>
{
    /// <summary>Every message logged at warning or above, as "Category: message".</summary>
    internal ConcurrentQueue<string> Log { get; } = new();

    /// <summary>A stand-in for the rate engine, or null for the real one.</summary>
    internal IQuoteService? Engine { get; init; }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Levy:Warmup", "false");
        // Warnings go to Log for the tests to read, not to the console: the test output stays readable.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new QueueLogger(Log)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Hostile.Data);
            if (Engine is not null)
            {
                services.AddSingleton(Engine);
            }
        });
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => new Named(log, categoryName);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Named(ConcurrentQueue<string> log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}

/// <summary>A rate engine that answers with the real one until it is asked for a given product, then fails in a way the
/// batch cannot turn into a row (out of memory): what a streamed answer must survive.</summary>
internal sealed class FailingEngine(LevyData data, string failOn) : IQuoteService
{
    public Levy.Core.Calculation.RateQuote Quote(Levy.Core.Calculation.QuoteRequest request, string scenario) =>
        request.Product.ToString() == failOn ? throw new InsufficientMemoryException("the engine ran out of memory") : data.Engine.Quote(request);

    public IReadOnlyList<Levy.Core.Calculation.HistorySegment> History(Levy.Core.Calculation.QuoteRequest template, DateOnly from, DateOnly to, string scenario) =>
        data.Engine.History(template, from, to);
}
