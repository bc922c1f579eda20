using System.Text;

namespace MouWorkspace.Search;

/// <summary>
/// Highlights as HTML in which the user's text is always encoded and the only markup is our own &lt;mark&gt;.
/// </summary>
public static class SafeHtml
{
    public const string MarkOpen = "<mark>";
    public const string MarkClose = "</mark>";

    /// <summary>Encodes &amp; &lt; &gt; " and ' (enough for element content and quoted attributes); other characters stay as they are.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// Turns text whose matches are delimited by private markers (as Azure AI Search returns it, with the
    /// markers we asked for) into safe HTML: everything encoded, the markers become &lt;mark&gt;.
    /// </summary>
    public static string FromMarkers(string text, string open, string close)
    {
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(open, position, StringComparison.Ordinal);
            if (start < 0)
                break;
            var end = text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            if (end < 0)
                break;
            builder.Append(Encode(text[position..start])).Append(MarkOpen)
                .Append(Encode(text[(start + open.Length)..end])).Append(MarkClose);
            position = end + close.Length;
        }
        builder.Append(Encode(text[position..].Replace(open, "", StringComparison.Ordinal).Replace(close, "", StringComparison.Ordinal)));
        return builder.ToString();
    }

    /// <summary>The start of a text, cut at a word boundary, encoded: the excerpt of a hit whose match is elsewhere.</summary>
    public static string Excerpt(string text, int length = 240)
    {
        if (text.Length <= length)
            return Encode(text);
        var cut = text.LastIndexOf(' ', length);
        return Encode(text[..(cut > length / 2 ? cut : length)]) + " …";
    }
}
