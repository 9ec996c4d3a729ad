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
public static class LevyWebHost
{
    /// <summary>Adds the options, the data (opened once), JSON settings, problem details, OpenAPI and request limits.</summary>
    public static WebApplicationBuilder AddLevy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.AddOptions<LevyOptions>()
            .BindConfiguration(LevyOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DataDir is null || Directory.Exists(o.DataDir), "Levy:DataDir names a folder that does not exist.")
            .Validate(o => o.PanelProducts.All(p => HtsCode.TryParse(p, out _)), "Levy:PanelProducts holds a value that is not an HTS code or prefix (8703.23).")
            .ValidateOnStart();
        services.AddSingleton(sp => LevyData.Open(sp.GetRequiredService<IOptions<LevyOptions>>().Value.DataDir));
        services.AddSingleton(TimeProvider.System);
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
        });
        services.AddExceptionHandler<LevyExceptionHandler>();
        services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.Transform).AddDocumentTransformer((document, _, _) =>
        {
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

    /// <summary>Opens the data (failing at start, not on the first request, when there is none), adds the error
    /// handling, security headers and static page, and prints the address once the server listens.</summary>
    public static WebApplication UseLevy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        LevyData data = app.Services.GetRequiredService<LevyData>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
}
