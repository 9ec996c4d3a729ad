using Levy.Refunds.Reports;

namespace Levy.Web.Refunds;

/// <summary>What the refund page shows for an upload: the import, the flags, the deadlines, the totals by month and the
/// CAPE Declarations Phase 1 would take.</summary>
/// <param name="Stored">True when the upload was kept in the server's ledger.</param>
/// <param name="Import">What the import did.</param>
/// <param name="Check">The flags and the flagged lines (the most money first).</param>
/// <param name="Deadlines">What closes soonest.</param>
/// <param name="ByMonth">IEEPA paid by month of entry.</param>
/// <param name="Declarations">The CAPE Declarations of Phase 1 on the as-of date (not recorded: recording is <c>levy refund declare</c>).</param>
public sealed record RefundAnalysis(bool Stored, ImportView Import, CheckView Check, DeadlinesView Deadlines, ReportView ByMonth, IReadOnlyList<DeclarationPreview> Declarations);

/// <summary>A CAPE Declaration ready to download: its file name and entry numbers (11 characters, as CAPE wants them).</summary>
/// <param name="Name">The file name.</param>
/// <param name="IeepaPaid">The IEEPA duty paid on its entries.</param>
/// <param name="Entries">The entry numbers.</param>
public sealed record DeclarationPreview(string Name, decimal IeepaPaid, IReadOnlyList<string> Entries);
