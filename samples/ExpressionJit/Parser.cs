using System.Globalization;

namespace ExpressionJit;

/// <summary>A syntax error in an expression, with the 1-based column where it was found.</summary>
public sealed class ExpressionSyntaxException(string message, int column) : Exception($"column {column}: {message}")
{
    /// <summary>The 1-based column of the error.</summary>
    public int Column { get; } = column;
}

/// <summary>
/// Parses double expressions in x: numbers, <c>x</c>, <c>+ - * /</c>, unary minus, parentheses,
/// <c>sqrt(e)</c>, <c>abs(e)</c>, <c>pow(a, b)</c> and <c>a ^ b</c> (power, right-associative).
/// </summary>
public sealed class Parser
{
    private readonly string _text;
    private int _position;

    private Parser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">The text is not an expression.</exception>
    public static Expr Parse(string text)
    {
        var parser = new Parser(text);
        var expr = parser.ParseSum();
        parser.SkipSpaces();
        if (parser._position < text.Length) throw parser.Error($"unexpected '{text[parser._position]}'");
        return expr;
    }

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            if (Accept('+')) left = new Binary(BinaryOp.Add, left, ParseProduct());
            else if (Accept('-')) left = new Binary(BinaryOp.Sub, left, ParseProduct());
            else return left;
        }
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept('*')) left = new Binary(BinaryOp.Mul, left, ParseUnary());
            else if (Accept('/')) left = new Binary(BinaryOp.Div, left, ParseUnary());
            else return left;
        }
    }

    private Expr ParseUnary() => Accept('-') ? new Unary(UnaryOp.Neg, ParseUnary()) : ParsePower();

    private Expr ParsePower()
    {
        var basis = ParseAtom();
        return Accept('^') ? new Binary(BinaryOp.Pow, basis, ParseUnary()) : basis;
    }

    private Expr ParseAtom()
    {
        SkipSpaces();
        if (_position >= _text.Length) throw Error("expected a number, x, a function or '('");
        var c = _text[_position];
        if (Accept('('))
        {
            var inner = ParseSum();
            Expect(')');
            return inner;
        }
        if (char.IsDigit(c) || c == '.') return ParseNumber();
        if (char.IsLetter(c))
        {
            var start = _position;
            while (_position < _text.Length && char.IsLetterOrDigit(_text[_position])) _position++;
            var name = _text[start.._position];
            switch (name)
            {
                case "x": return new Variable();
                case "sqrt": return new Unary(UnaryOp.Sqrt, ParseArguments(1)[0]);
                case "abs": return new Unary(UnaryOp.Abs, ParseArguments(1)[0]);
                case "pow":
                    var args = ParseArguments(2);
                    return new Binary(BinaryOp.Pow, args[0], args[1]);
                default:
                    _position = start;
                    throw Error($"unknown name '{name}' (expected x, sqrt, abs or pow)");
            }
        }
        throw Error($"unexpected '{c}'");
    }

    private List<Expr> ParseArguments(int count)
    {
        Expect('(');
        var args = new List<Expr> { ParseSum() };
        while (args.Count < count)
        {
            Expect(',');
            args.Add(ParseSum());
        }
        Expect(')');
        return args;
    }

    private Expr ParseNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '.')) _position++;
        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-') _position++;
            while (_position < _text.Length && char.IsDigit(_text[_position])) _position++;
        }
        var token = _text[start.._position];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Error($"bad number '{token}'");
        }
        return new Constant(value);
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!Accept(c)) throw Error(_position < _text.Length ? $"expected '{c}' but found '{_text[_position]}'" : $"expected '{c}' at the end");
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private ExpressionSyntaxException Error(string message) => new(message, _position + 1);
}
