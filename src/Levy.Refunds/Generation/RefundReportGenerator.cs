using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Claims;

namespace Levy.Refunds.Generation;

/// <summary>Plays CBP for tests and demonstrations: writes a REV-615-style refund report for the entries a ledger has
/// declared, paying the IEEPA duty with the interest of 19 U.S.C. 1505(c), except for a few deliberate differences (an
/// entry not yet refunded, a short principal, an interest a few cents off), so that reconciliation has something to find.</summary>
public static class RefundReportGenerator
{
    /// <summary>The deliberate differences written.</summary>
    /// <param name="NotRefunded">Entries left out.</param>
    /// <param name="ShortPrincipal">Entries paid $1.00 short.</param>
    /// <param name="InterestOff">Entries whose interest is 37 cents more.</param>
    public sealed record Anomalies(IReadOnlyList<string> NotRefunded, IReadOnlyList<string> ShortPrincipal, IReadOnlyList<string> InterestOff);

    /// <summary>Writes the report.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="output">Where to write CSV.</param>
    /// <param name="refundDate">The date of the refunds (interest runs to it).</param>
    /// <param name="rateClass">The importer's rate.</param>
    /// <param name="anomalies">Whether to write the deliberate differences.</param>
    public static Anomalies Write(RefundLedger ledger, TextWriter output, DateOnly refundDate, OverpaymentRateClass rateClass, bool anomalies = true)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(',', RefundStatus.Header));
        output.Write('\n');
        var notRefunded = new List<string>();
        var shortPaid = new List<string>();
        var interestOff = new List<string>();
        int n = 0;
        foreach (EntryClaim claim in ledger.Claims(refundDate))
        {
            if (claim.DeclarationId is not { } declaration)
            {
                continue;
            }

            n++;
            Money principal = claim.Ieepa;
            Money interest = RefundInterest.Compute(principal, claim.DepositDate, refundDate, ledger.Rules, rateClass).Amount;
            if (anomalies && n % 997 == 5)
            {
                notRefunded.Add(claim.Entry.ToString());
                continue;
            }

            if (anomalies && n % 1009 == 7 && principal.Amount > 1)
            {
                principal -= new Money(1m);
                shortPaid.Add(claim.Entry.ToString());
            }
            else if (anomalies && n % 1013 == 11)
            {
                interest += new Money(0.37m);
                interestOff.Add(claim.Entry.ToString());
            }

            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{claim.Entry},CAPE{declaration:D6},{principal.Amount:0.00},{interest.Amount:0.00},Treasury Issued,{refundDate:MM/dd/yyyy}\n"));
        }

        return new Anomalies(notRefunded, shortPaid, interestOff);
    }
}
