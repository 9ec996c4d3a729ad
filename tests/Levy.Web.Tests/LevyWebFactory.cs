using Levy.Data;
using Levy.Data.Locating;
using Levy.Web.Quotes;
using Levy.Web.Tests.Quotes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Levy.Web.Tests;

/// <summary>The web host in memory, on the test data (../shared/data or the embedded bundle, opened once for the whole test run), in the
/// Production environment (so error pages are what clients get), without the background data load and without a rate
/// engine (<see cref="EngineFactory"/> adds a stand-in).</summary>
public class LevyWebFactory : WebApplicationFactory<Program>
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => TestData.RepositoryRoot;

    /// <summary>The data, opened once.</summary>
    public static LevyData Data => TestData.Data;

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Levy:Warmup", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Data);
            ConfigureServices(services);
        });
    }

    /// <summary>Adds or replaces services for a derived factory.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}

/// <summary>The web host with its clock stopped at <paramref name="now"/> (an injected <see cref="TimeProvider"/>).</summary>
/// <param name="now">What the clock says.</param>
public abstract class ClockedFactory(DateTimeOffset now) : LevyWebFactory
{
    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
}

/// <summary>The web host with <see cref="FakeQuoteService"/> standing in for the rate engine.</summary>
public sealed class EngineFactory : LevyWebFactory
{
    /// <summary>The stand-in engine; tests read the requests it received.</summary>
    internal FakeQuoteService Engine { get; } = new(Data);

    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IQuoteService>(Engine);
}

/// <summary>The web host with its country panels restricted to passenger cars (8703.23) and rubber tubes (4009.11), so
/// that a panel builds in well under a second instead of seconds (<c>Levy:PanelProducts</c>).</summary>
public class PanelFactory : LevyWebFactory
{
    /// <summary>The codes the panels cover.</summary>
    public static readonly string[] Products = ["8703.23", "4009.11"];

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        for (int i = 0; i < Products.Length; i++)
        {
            builder.UseSetting($"Levy:PanelProducts:{i}", Products[i]);
        }

        // These tests want the answer, not the 503 of a slow build (tested with a wait of 0 in EtrEndpointsTests): on 2
        // cores shared with other test projects the first panel, which loads every revision, took over the default 30 s.
        builder.UseSetting("Levy:PanelWaitSeconds", "300");
    }
}
