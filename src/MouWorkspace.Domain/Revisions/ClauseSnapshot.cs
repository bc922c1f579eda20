namespace MouWorkspace.Domain.Revisions;

public sealed record ClauseSnapshot(string Id, string Number, string Heading, string Text, int Version);
