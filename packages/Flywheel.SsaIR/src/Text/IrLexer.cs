namespace Flywheel.SsaIR.Text;

enum TokenKind : byte { Word, FunctionName, HostName, Number, Punct, End }

readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public override string ToString() => Kind == TokenKind.End ? "end of input" : $"'{Text}'";
}

/// <summary>Splits IR text into tokens; comments run from <c>;</c> to the end of the line.</summary>
static class IrLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int line = 1, lineStart = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') { line++; i++; lineStart = i; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == ';')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            int start = i, column = i - lineStart + 1;
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add(new Token(TokenKind.Punct, "->", line, column));
                i += 2;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && IsNumberChar(text, start, i)) i++;
                tokens.Add(new Token(TokenKind.Number, text[start..i], line, column));
            }
            else if (c is '%' or '$')
            {
                i++;
                while (i < text.Length && IsWordChar(text[i])) i++;
                tokens.Add(new Token(c == '%' ? TokenKind.FunctionName : TokenKind.HostName, text[(start + 1)..i], line, column));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], line, column));
            }
            else if ("(){}[],:=+".Contains(c))
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString(), line, column));
                i++;
            }
            else
            {
                throw new IrParseException($"unexpected character '{c}'", line, column);
            }
        }
        tokens.Add(new Token(TokenKind.End, "", line, 1));
        return tokens;
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    static bool IsNumberChar(string text, int start, int i)
    {
        char c = text[i];
        if (char.IsLetterOrDigit(c) || c == '.') return true;
        // An exponent sign: 1.5E+20, 2e-7 (but not the '+' of an address like [v0+8]).
        return c is '+' or '-' && (text[i - 1] is 'e' or 'E') && text.AsSpan(start, i - start).IndexOfAny('x', 'X') < 0;
    }
}

/// <summary>A syntax or reference error in IR text, with its position.</summary>
public sealed class IrParseException : Exception
{
    /// <summary>Creates the error.</summary>
    public IrParseException(string message, int line, int column) : base($"line {line}, column {column}: {message}")
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }
}
