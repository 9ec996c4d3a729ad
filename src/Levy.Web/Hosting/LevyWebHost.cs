using Levy.Core.Primitives;
using Levy.Data;
using Levy.Data.Json;
using Levy.Web.Analysis;
using Levy.Web.Contracts;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Levy.Web.Hosting;

/// <summary>The services and middleware of the Levy web host, so that <c>Program.cs</c> reads as a table of contents.</summary>
public static partial class LevyWebHost
{
    /// <summary>Adds the options, the data (opened once), JSON settings, problem details, OpenAPI and request limits.</summary>
    public static WebApplicationBuilder AddLevy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.AddOptions<LevyOptions>()
            .BindConfiguration(LevyOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DataDir is null || Directory.Exists(o.DataDir), "Levy:DataDir (--data-dir) names a folder that does not exist.")
            .Validate(o => o.PanelProducts.All(p => HtsCode.TryParse(p, out _)), "Levy:PanelProducts holds a value that is not an HTS code or prefix (8703.23).")
            .ValidateOnStart();
        services.AddSingleton(sp => LevyData.Open(sp.GetRequiredService<IOptions<LevyOptions>>().Value.DataDir));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Levy.Web.Refunds.RefundOptions>().BindConfiguration(Levy.Web.Refunds.RefundOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Ledger is null || Levy.Refunds.Ledger.LedgerDatabase.SqliteFile(o.Ledger) is not { } file || Directory.Exists(Path.GetDirectoryName(file)),
                "Refunds:Ledger names a SQLite file in a folder that does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IQuoteService, EngineQuoteService>();
        services.AddSingleton<PanelCache>();
        services.AddHostedService<DataWarmup>();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, LevyJsonContext.Default);
            LevyJson.Configure(o.SerializerOptions);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            ProblemDetails problem = c.ProblemDetails;
            problem.Instance ??= c.HttpContext.Request.Path;
            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status404NotFound => $"Nothing is served at {c.HttpContext.Request.Path}; the API is described at /openapi/v1.json.",
                StatusCodes.Status405MethodNotAllowed => $"{c.HttpContext.Request.Method} is not allowed here; see /openapi/v1.json.",
                StatusCodes.Status415UnsupportedMediaType => "This endpoint does not read a body of that Content-Type; see /openapi/v1.json.",
                _ => null,
            };
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                // Like every input problem, name what was wrong: the header.
                problem.Extensions.TryAdd("field", "Content-Type");
                problem.Extensions.TryAdd("value", c.HttpContext.Request.ContentType);
            }
        });
        services.AddExceptionHandler<LevyExceptionHandler>();
        services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.Transform).AddDocumentTransformer((document, _, _) =>
        {
            // The API is described relative to the server that serves the document: the request's Host header, which a
            // client chooses, is never written into the document (a cache or a proxy would hand it to others).
            document.Servers = [new OpenApiServer { Url = "/" }];
            document.Info = new OpenApiInfo
            {
                Title = "Levy API",
                Version = "v1",
                Description = "US import tariffs 2025-2026: HTS lookup and search, rate quotes with their legal explanation, " +
                    "rate histories, scenarios and effective tariff rates. Errors are RFC 9457 problem documents that name the bad parameter in `field`.",
            };
            return Task.CompletedTask;
        }));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LevyOptions>>((kestrel, levy) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = levy.Value.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        return builder;
    }

    /// <summary>The command line's own names for settings: <c>--data-dir DIR</c> is <c>--Levy:DataDir=DIR</c>, as for
    /// <c>levy</c>.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--data-dir"] = $"{LevyOptions.Section}:{nameof(LevyOptions.DataDir)}",
    };

    /// <summary>Opens the data (failing at start, not on the first request, when there is none), adds the error
    /// handling, security headers and static page, and prints the address once the server listens.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid (see <see cref="StartupFailure"/>).</exception>
    /// <exception cref="Levy.Data.Locating.DataNotFoundException">There is no data.</exception>
    public static WebApplication UseLevy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<IOptions<LevyOptions>>().Value; // a bad setting fails here, before the host starts
        LevyData data = app.Services.GetRequiredService<LevyData>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            // The page and its files are read-only: any other method is 405 with Allow, not 404.
            string method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && IsPageFile(app.Environment, context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.Use(static (context, next) =>
        {
            IHeaderDictionary headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            ICollection<string>? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (string address in addresses ?? [])
            {
                Console.WriteLine($"Levy is running at {address}/ (data: {data.Location}). Press Ctrl+C to stop.");
            }
        });
        return app;
    }

    /// <summary>What to tell the operator when the host cannot start: one line and an exit code (4 for data missing or
    /// corrupt, 2 for a bad setting or address), or null for a failure Levy does not know (which then ends the process
    /// with its stack trace, as a bug should).</summary>
    /// <param name="exception">What the start threw.</param>
    public static (string Message, int ExitCode)? StartupFailure(Exception exception) => exception switch
    {
        HostAbortedException => null, // the test host stops the start on purpose
        AggregateException { InnerExceptions.Count: > 0 } a => StartupFailure(a.InnerExceptions[0]),
        Levy.Data.Locating.DataNotFoundException or Levy.Data.Tables.CsvDataException or Levy.Data.Rulebook.RulebookException
            or Levy.Data.Hts.InvalidScheduleDataException => (exception.Message, 4),
        OptionsValidationException v => (string.Join(" ", v.Failures), 2),
        InvalidOperationException { InnerException: FormatException or ArgumentException or OverflowException } c
            when BadSetting().Match(c.Message) is { Success: true } m => ($"the setting {m.Groups[2].Value} = \"{m.Groups[1].Value}\" is not {Expected(m.Groups[3].Value)}.", 2),
        IOException io when io.Message.Contains("address", StringComparison.OrdinalIgnoreCase) => (io.Message, 2),
        _ => null,
    };

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        _ => "a value of the right kind (see appsettings.json)",
    };

    [System.Text.RegularExpressions.GeneratedRegex("Failed to convert configuration value '(.*)' at '(.*)' to type '(.*)'")]
    private static partial System.Text.RegularExpressions.Regex BadSetting();

    private static bool IsPageFile(IWebHostEnvironment environment, PathString path) =>
        path.Value is "/" or "" || (path.HasValue && !path.StartsWithSegments("/api") && environment.WebRootFileProvider.GetFileInfo(path.Value!).Exists);
}
