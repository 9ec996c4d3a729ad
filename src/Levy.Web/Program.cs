using Levy.Web.Endpoints;
using Levy.Web.Hosting;

// Levy on the web: the API under /api/v1, its OpenAPI document and the page in wwwroot/.
// Listens on http://127.0.0.1:5080 (appsettings.json); `--urls http://127.0.0.1:8080` overrides.
WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
