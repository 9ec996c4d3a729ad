namespace Levy.Data.Tests.Sync.Support;

/// <summary>Tests that talk HTTP to a local server run on their own, after the parallel ones: next to a test that loads
/// every revision on all cores, a starved thread pool makes them slow and their timeouts meaningless.</summary>
[CollectionDefinition(nameof(NetworkTests), DisableParallelization = true)]
public sealed class NetworkTests
{
}
