using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Languages;

/// <summary>A language version of an MOU: added by the secretariat; a required one counts for a revision's completeness.</summary>
[GenerateSerializer, Immutable, Alias("mou.language-version")]
public sealed record LanguageVersion(
    [property: Id(0)] string Code,
    [property: Id(1)] bool Required,
    [property: Id(2)] DateTimeOffset AddedAt,
    [property: Id(3)] string AddedBy);

/// <summary>The MOU's original language and its other language versions.</summary>
[GenerateSerializer, Immutable, Alias("mou.language-settings")]
public sealed record LanguageSettings(
    [property: Id(0)] string Original,
    [property: Id(1)] IReadOnlyList<LanguageVersion> Versions)
{
    public bool Has(string code) => code == Original || Versions.Any(v => v.Code == code);
}

/// <summary>A new draft of a clause's language version, naming the original draft it translates.</summary>
[GenerateSerializer, Immutable, Alias("mou.save-translation")]
public sealed record SaveTranslation(
    [property: Id(0)] string MouId,
    [property: Id(1)] string ClauseId,
    [property: Id(2)] string Number,
    [property: Id(3)] string? Heading,
    [property: Id(4)] string Text,
    [property: Id(5)] string Rationale,
    [property: Id(6)] int ExpectedVersion,
    [property: Id(7)] int TranslatesDraft,
    [property: Id(8)] Actor By);

/// <summary>A language version's current draft and the draft of the original it translates.</summary>
[GenerateSerializer, Immutable, Alias("mou.translation-view")]
public sealed record TranslationView(
    [property: Id(0)] ClauseView View,
    [property: Id(1)] int TranslatesDraft);

/// <summary>One draft of a language version with the original draft it translates.</summary>
[GenerateSerializer, Immutable, Alias("mou.translated-draft")]
public sealed record TranslatedDraft(
    [property: Id(0)] Draft Draft,
    [property: Id(1)] int TranslatesDraft);
