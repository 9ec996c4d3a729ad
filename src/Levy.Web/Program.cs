using Levy.Web.Endpoints;
using Levy.Web.Hosting;

// Levy on the web: the API under /api/v1, its OpenAPI document and the page in wwwroot/.
// Listens on http://127.0.0.1:5080 (appsettings.json); `--urls http://127.0.0.1:8080` overrides, `--data-dir DIR` names the data.
// A start that fails for a known reason (no data, a bad setting) says so in one line and exits 4 or 2.
try
{
    WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddCommandLine(args, LevyWebHost.SwitchMappings);
    builder.AddLevy();

    WebApplication app = builder.Build();
    app.UseLevy();
    app.MapOpenApi();
    app.MapCatalogueEndpoints();
    app.MapLookupEndpoints();
    app.MapQuoteEndpoints();
    app.MapScenarioEndpoints();
    app.MapEtrEndpoints();
    app.MapDutyEndpoints();
    app.MapRefundEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (LevyWebHost.StartupFailure(e) is { } failure)
{
    Console.Error.WriteLine($"error: {failure.Message}");
    return failure.ExitCode;
}
