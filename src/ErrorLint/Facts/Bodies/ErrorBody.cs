using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Bodies;

/// <summary>A response body that reads as an error, with what the fixes need to rewrite it.</summary>
internal sealed class ErrorBody
{
    public ErrorBody(ErrorBodyKind kind, string description, IOperation? message)
    {
        Kind = kind;
        Description = description;
        Message = message;
    }

    public ErrorBodyKind Kind { get; }

    /// <summary>Names the evidence for messages: <c>'error' member</c>, <c>ModelState</c>.</summary>
    public string Description { get; }

    /// <summary>The human-readable message inside the body (a string), carried over as <c>detail</c> by fixes.</summary>
    public IOperation? Message { get; }
}
