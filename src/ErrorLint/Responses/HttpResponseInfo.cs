using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>The answer to "what HTTP response does this operation produce?", shared by every rule.</summary>
internal sealed class HttpResponseInfo
{
    public HttpResponseInfo(
        IOperation operation,
        ResponseStyle style,
        ResponseKind kind,
        string producer,
        int? statusCode,
        StatusOrigin statusOrigin,
        IOperation? statusOperation,
        IOperation? body,
        IMethodSymbol? throughHelper = null)
    {
        Operation = operation;
        Style = style;
        Kind = kind;
        Producer = producer;
        StatusCode = statusCode;
        StatusOrigin = statusOrigin;
        StatusOperation = statusOperation;
        Body = body;
        ThroughHelper = throughHelper;
    }

    /// <summary>The call, creation or assignment that produces the response; rules report on it.</summary>
    public IOperation Operation { get; }

    public ResponseStyle Style { get; }

    public ResponseKind Kind { get; }

    /// <summary>How the code names the producer, for messages: <c>Ok</c>, <c>Results.Json</c>, <c>new ObjectResult</c>.</summary>
    public string Producer { get; }

    /// <summary>The status sent, when known at compile time.</summary>
    public int? StatusCode { get; }

    public StatusOrigin StatusOrigin { get; }

    /// <summary>The expression that sets the status (argument, initializer or assigned value), when written in the code.</summary>
    public IOperation? StatusOperation { get; }

    /// <summary>The value sent as the body, with implicit conversions removed; null when there is none.</summary>
    public IOperation? Body { get; }

    /// <summary>The application's own helper method the response was seen through (<c>return ApiError.Unauthorized();</c>).</summary>
    public IMethodSymbol? ThroughHelper { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsClientError => StatusCode is >= 400 and < 500;

    public bool IsServerError => StatusCode is >= 500 and < 600;

    public bool IsError => StatusCode is >= 400 and < 600;

    /// <summary>The same response, with the status written by <paramref name="statusOperation"/> instead.</summary>
    public HttpResponseInfo WithStatus(IOperation statusOperation)
    {
        var status = StatusCodeValue.Read(statusOperation);
        return new(Operation, Style, Kind, Producer, status, status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit, statusOperation, Body, ThroughHelper);
    }

    public HttpResponseInfo ThroughHelperCall(IOperation call, IMethodSymbol helper)
        => new(call, Style, Kind, helper.Name, StatusCode, StatusOrigin, statusOperation: null, body: null, helper);
}
