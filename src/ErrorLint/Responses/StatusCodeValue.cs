using System;
using System.Globalization;
using ErrorLint.Operations;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Responses;

/// <summary>Reads a status code however the code spells it.</summary>
internal static class StatusCodeValue
{
    /// <summary>A literal, a <c>const</c>, <c>StatusCodes.*</c>, <c>(int)HttpStatusCode.*</c>; null when not constant or not an HTTP status.</summary>
    public static int? Read(IOperation? operation)
    {
        if (operation.ConstantThroughConversions() is { HasValue: true, Value: int or short or long or byte } constant)
        {
            var code = Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
            return code is >= 100 and <= 599 ? code : null;
        }

        return null;
    }

    /// <summary>Whether a status argument is written as <c>null</c> (the helper's own default then applies).</summary>
    public static bool IsNull(IOperation operation) => operation.WithoutImplicitConversions() is { ConstantValue: { HasValue: true, Value: null } };
}
