using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Refunds.Claims;

/// <summary>An entry as a refund claim: what it paid under IEEPA, what the check found, and its dates on a day.</summary>
/// <param name="Entry">The entry number.</param>
/// <param name="Importer">The importer of record.</param>
/// <param name="EntryType">The entry type code.</param>
/// <param name="EntryDate">The entry date.</param>
/// <param name="SummaryDate">The entry summary date.</param>
/// <param name="DepositDate">The date interest runs from (the deposit date, else the summary date).</param>
/// <param name="Lines">Its lines in the ledger.</param>
/// <param name="Fentanyl">IEEPA fentanyl duty paid.</param>
/// <param name="Reciprocal">IEEPA reciprocal duty paid.</param>
/// <param name="Exposure">IEEPA duty the law charged that was not declared.</param>
/// <param name="Flags">The flags of its lines, combined.</param>
/// <param name="Deadlines">Its dates and standing.</param>
/// <param name="DeclarationId">The declaration it was put in, or null.</param>
public sealed record EntryClaim(
    EntryNumber Entry,
    string Importer,
    string? EntryType,
    DateOnly EntryDate,
    DateOnly SummaryDate,
    DateOnly DepositDate,
    int Lines,
    Money Fentanyl,
    Money Reciprocal,
    Money Exposure,
    RefundFlags Flags,
    EntryDeadlines Deadlines,
    int? DeclarationId)
{
    /// <summary>The IEEPA duty paid: the refund's principal.</summary>
    public Money Ieepa => Fentanyl + Reciprocal;
}
