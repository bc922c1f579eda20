using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.QueryParsers.Classic;

namespace MouWorkspace.Search.Lucene;

/// <summary>
/// Prepares what a user typed for the classic parser. Two things negotiators type are syntax to it: a document
/// symbol (<c>ST/SGB/2003/13</c>: slashes start a regular expression) becomes a lookup of the whole symbol in the
/// symbol field, and bracketed alternatives (<c>[90][120]</c>: a range without <c>TO</c>) become a phrase of their
/// contents. <paramref name="plain"/> (the fallback for a query the parser refused) also escapes every other
/// character of the syntax and drops the operator words, so only words, symbols and complete quoted phrases remain.
/// </summary>
internal static partial class QueryRewriter
{
    [GeneratedRegex(@"(?:\[[^\[\]""]*\])+")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:AND|OR|NOT)\b")]
    private static partial Regex Operators();

    public static string Rewrite(string text, bool plain, List<string> symbols)
    {
        var output = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('"', i);
            var close = open < 0 ? -1 : text.IndexOf('"', open + 1);
            if (close < 0)
            {
                Unquoted(text[i..], plain, symbols, output);
                break;
            }
            Unquoted(text[i..open], plain, symbols, output);
            var content = text[(open + 1)..close];
            if (DocumentSymbols.Whole(content) is { } symbol)
                output.Append(Symbol(symbol, plain, symbols));
            else
                output.Append('"').Append(plain ? content.Replace("\\", " ") : content).Append('"');
            i = close + 1;
        }
        return output.ToString();
    }

    private static void Unquoted(string text, bool plain, List<string> symbols, StringBuilder output)
    {
        var at = 0;
        foreach (var (index, length, symbol) in DocumentSymbols.Matches(text))
        {
            Other(text[at..index], plain, output);
            output.Append(Symbol(symbol, plain, symbols));
            at = index + length;
        }
        Other(text[at..], plain, output);
    }

    private static void Other(string text, bool plain, StringBuilder output)
    {
        var at = 0;
        foreach (Match group in Brackets().Matches(text))
        {
            // [a TO b] is a range the parser reads; only without TO are brackets alternatives.
            if (!plain && group.Value.Contains(" TO ", StringComparison.Ordinal))
                continue;
            Words(text[at..group.Index], plain, output);
            var words = group.Value.Replace("\\", " ").Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            output.Append(words.Length == 0 ? " " : " \"" + string.Join(' ', words) + "\" ");
            at = group.Index + group.Length;
        }
        Words(text[at..], plain, output);
    }

    private static void Words(string text, bool plain, StringBuilder output) =>
        output.Append(plain ? Operators().Replace(QueryParserBase.Escape(text), " ") : text);

    // Plain: after escaped text, a space keeps an escaped character from joining the field name.
    private static string Symbol(string symbol, bool plain, List<string> symbols)
    {
        symbols.Add(symbol);
        return $"{(plain ? " " : "")}{LuceneSearchIndex.SymbolField}:\"{symbol}\" ";
    }
}
