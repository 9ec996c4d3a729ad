using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>What a panel covers: the countries, the dates and the products, and how preferences are counted.</summary>
/// <remarks>Immutable.</remarks>
public sealed class PanelRequest
{
    /// <summary>The countries of origin, in the order their rows are written.</summary>
    public required ImmutableArray<CountryCode> Countries { get; init; }

    /// <summary>The first day (default: the first day of the data).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day (default: the horizon of the data).</summary>
    public DateOnly? To { get; init; }

    /// <summary>HTS codes or prefixes to restrict the products to (e.g. <c>8703</c>); empty for every product.</summary>
    public ImmutableArray<HtsCode> Products { get; init; } = [];

    /// <summary>Shares of trade that claim a preference (USMCA), or null to quote every row without a claim.</summary>
    public PreferenceShares? Preferences { get; init; }

    /// <summary>Unit values of products, to give specific and compound ordinary rates an (estimated) ad valorem
    /// equivalent; null to leave them flagged <see cref="PanelValues.NeedsValue"/>.</summary>
    public UnitValues? UnitValues { get; init; }

    /// <summary>How many products are evaluated in parallel (default: the number of processors).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>What a panel build did.</summary>
/// <param name="From">The first day covered.</param>
/// <param name="To">The last day covered.</param>
/// <param name="Epochs">The epochs (spans without any change of law or revision) covered.</param>
/// <param name="Revisions">The HTS revisions that govern those epochs.</param>
/// <param name="Products">The products (HTS-10 lines, and tariff lines without statistical suffixes) printed in any of them.</param>
/// <param name="Countries">The countries.</param>
/// <param name="Plans">Product plans built (one per product and epoch in which it is printed).</param>
/// <param name="Evaluations">Evaluations run (one per plan and class of countries, plus preference claims).</param>
/// <param name="Cells">Rows before merging: one per product, country and epoch in which the product is printed.</param>
/// <param name="RevisionCells">Rows of a per-revision panel (the peer's layout): one per product, country and revision.</param>
/// <param name="Rows">Rows after merging consecutive equal values.</param>
public sealed record PanelSummary(DateOnly From, DateOnly To, int Epochs, int Revisions, int Products, int Countries, long Plans, long Evaluations,
    long Cells, long RevisionCells, long Rows);

/// <summary>Progress of a panel build.</summary>
/// <param name="ProductsDone">Products written so far.</param>
/// <param name="Products">Products in all.</param>
/// <param name="Rows">Rows written so far.</param>
public readonly record struct PanelProgress(int ProductsDone, int Products, long Rows);
