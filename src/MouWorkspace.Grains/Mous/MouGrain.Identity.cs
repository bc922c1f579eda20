using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Mous;

/// <summary>The MOU as a UN document: its symbol, distribution, date, session and agenda item, and its revisions' full symbols.</summary>
public sealed partial class MouGrain
{
    public async Task<Outcome<DocumentIdentity>> SetIdentityAsync(DocumentIdentity identity, Actor by)
    {
        if (!S.Exists)
            return Outcome<DocumentIdentity>.Fail(Failure.NotFound, "no such MOU");
        if (DocumentSymbol.Validate(identity.Symbol) is { } error)
            return Outcome<DocumentIdentity>.Fail(Failure.Invalid, error);
        var before = S.Identity;
        var after = identity with { SetBy = by.Name, SetAt = clock.GetUtcNow() };
        if (before is not null && before with { SetBy = "", SetAt = default } == after with { SetBy = "", SetAt = default })
            return Outcome<DocumentIdentity>.Success(before);
        S.Identity = after;
        await state.WriteOrRollBackAsync(() => S.Identity = before, DeactivateOnIdle);
        await this.PublishAsync(new IdentityChanged(Id, after.Symbol, by, after.SetAt));
        return Outcome<DocumentIdentity>.Success(after);
    }

    /// <summary>
    /// A revision's facts with its full symbol: the one it was published with, or (published before the MOU had a symbol)
    /// the MOU's symbol with its label.
    /// </summary>
    private RevisionInfo WithSymbol(RevisionInfo revision) =>
        revision.Symbol is not null ? revision : revision with { Symbol = DocumentSymbol.Compose(S.Identity?.Symbol, revision.Label) };
}
