using System.Security.Cryptography;
using System.Text;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>What an erasure did: how many events of the customer are gone.</summary>
public sealed record ErasureResponse(string Customer, long Erased);

/// <summary>
/// A customer's right to erasure: every event of one customer in the workspace goes, with their event ids. Only owners
/// may do it. The audit trail records that it was done and how many events went, but keeps the customer only as a
/// hash: it proves a request was fulfilled without keeping who asked.
/// </summary>
public static class EventErasure
{
    public static async Task<ErasureResponse> EraseCustomerAsync(Work work, CurrentWorkspace ws, string? customer, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        if (string.IsNullOrWhiteSpace(customer))
            throw new DomainRuleException("customer", "Name the customer whose events are to be erased, as in ?customer=C-1042.");
        customer = customer.Trim();
        var erased = await EventStore.For(work.Db).DeleteCustomerAsync(ws.Id, customer, ct);
        await work.AuditAsync(ws, AuditAction.Deleted, "InteractionEvents", CustomerHash(customer), new { erased }, ct);
        if (erased > 0) work.AnnounceEvents(ws.Id, null);
        return new ErasureResponse(customer, erased);
    }

    /// <summary>"customer sha256:…" of the customer id: the same id always gives the same entry, and the id cannot be read from it.</summary>
    public static string CustomerHash(string customer) =>
        "customer sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customer)))[..32];
}
