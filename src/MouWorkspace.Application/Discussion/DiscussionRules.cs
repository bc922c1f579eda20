using MouWorkspace.Application.Access;
using MouWorkspace.Application.Results;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;

namespace MouWorkspace.Application.Discussion;

/// <summary>What a comment or a proposal must satisfy before any grain is opened: the original's and a language version's alike.</summary>
public static class DiscussionRules
{
    public static AppProblem? CheckComment(CommentRequest body, Caller caller)
    {
        if (TextRules.Validate(body.Text, "text", maxLength: TextLimits.Comment) is { } textError)
            return AppProblem.Invalid("text", textError);
        if (TextRules.Validate(body.Quote, "quote", required: false, maxLength: TextLimits.Quote) is { } quoteError)
            return AppProblem.Invalid("quote", quoteError);
        if (caller.IsIn(Roles.Delegate) && !caller.IsStaff && caller.MemberState is null)
            return new AppProblem(ProblemKind.Forbidden, "a delegate's comment is signed with its state, and your sign-in carries none");
        return null;
    }

    /// <summary>The text checked and the sponsor a proposal is attributed to.</summary>
    public static AppResult<string> ResolveProposer(ProposalRequest body, Caller caller) =>
        TextRules.Validate(body.Text, "text") is { } textError ? AppProblem.Invalid("text", textError) : ResolveSponsor(body.OnBehalfOf, caller);

    /// <summary>Who a proposal is attributed to: the delegate's state, or a group it belongs to (<paramref name="requested"/>).</summary>
    public static AppResult<string> ResolveSponsor(string? requested, Caller caller)
    {
        if (caller.MemberState is not { } state)
            return new AppProblem(ProblemKind.Forbidden, "a proposal is attributed to the delegate's state, and your sign-in carries none");
        var onBehalfOf = string.IsNullOrWhiteSpace(requested) ? state : requested.Trim().ToUpperInvariant();
        if (onBehalfOf == state)
            return state;
        var group = MemberStates.FindGroup(onBehalfOf);
        if (group is null)
            return MemberStates.IsKnown(onBehalfOf)
                ? new AppProblem(ProblemKind.Forbidden, $"a delegate of {state} cannot propose on behalf of {onBehalfOf}")
                : AppProblem.Invalid("onBehalfOf", $"onBehalfOf: '{requested}' is neither a member state nor a known group");
        return group.Members.Contains(state)
            ? group.Code
            : new AppProblem(ProblemKind.Forbidden, $"{state} is not a member of {group.Name}");
    }
}
