using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Exceptions;

/// <summary>What part of a handled exception reaches a response.</summary>
internal enum ExceptionLeakKind
{
    /// <summary>The stack trace, <c>ToString()</c>, the exception object, inner exceptions, <c>Source</c>, <c>TargetSite</c>, <c>Data</c> (EL0009).</summary>
    Details,

    /// <summary>The exception's <c>Message</c> (EL0010 when the exception is unexpected).</summary>
    Message,
}

/// <summary>A value derived from a handled exception that is sent to the client.</summary>
internal sealed class ExceptionLeak
{
    private const int MaxDescriptionLength = 60;

    public ExceptionLeak(IOperation value, SyntaxNode syntax, ExceptionLeakKind kind, ITypeSymbol? exceptionType, IOperation exception)
    {
        Value = value;
        Syntax = syntax;
        Kind = kind;
        ExceptionType = exceptionType;
        Exception = exception;
    }

    /// <summary>The expression that reads the exception data: <c>ex.StackTrace</c>, <c>ex.Message</c>, <c>ex</c>; rules report on it.</summary>
    public IOperation Value { get; }

    /// <summary>The code to report on and replace: <see cref="Value"/>, or the whole <c>ex?.Message</c> for a conditional access.</summary>
    public SyntaxNode Syntax { get; }

    public ExceptionLeakKind Kind { get; }

    /// <summary>The static type of the exception the data comes from (the caught type, the pattern's type, ...).</summary>
    public ITypeSymbol? ExceptionType { get; }

    /// <summary>The reference to the exception itself inside <see cref="Value"/> (<c>ex</c> in <c>ex.Message</c>).</summary>
    public IOperation Exception { get; }

    /// <summary>
    /// How the code names the leaked data, for messages: <c>ex.StackTrace</c>. Built when a rule reports, so that a leak
    /// behind a development guard, or of an exception type safe to show, is never described.
    /// </summary>
    public string Description
    {
        get
        {
            var text = Syntax.ToString();
            return text.Length > MaxDescriptionLength ? text.Substring(0, MaxDescriptionLength - 3) + "..." : text;
        }
    }
}
