namespace MouWorkspace.Domain.Text;

/// <summary>
/// The size of one MOU, defined once: the API, the import and the pages refuse more. The C-34 model MOU has about
/// 300 paragraphs; 2,000 leaves room for the largest codes of conduct while keeping an import (every clause a grain
/// and a blob) within a minute, and an export of the whole text within seconds.
/// </summary>
public static class MouLimits
{
    public const int MaxClauses = 2_000;
}
