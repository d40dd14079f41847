using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// Whether a <c>try</c> block does nothing but parse or check what the client sent: <c>JsonSerializer.Deserialize</c>,
/// <c>int.Parse</c>, <c>Convert.FromBase64String</c>, validating the client's token, <c>IAntiforgery.ValidateRequestAsync</c>.
/// Whatever such a block throws describes the client's input, so its catches may answer 4xx, with the message (EL0003,
/// EL0010). One service, store or network call in the block and the catch answers failures of the server as well.
/// </summary>
internal static class ClientInputTry
{
    /// <summary>True when the try block that <paramref name="catchClause"/> belongs to reads at least one client value and calls nothing else that can fail on the server's side.</summary>
    public static bool OnlyReadsClientInput(ICatchClauseOperation catchClause, ResponseModel model)
    {
        if (catchClause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        var readsInput = false;
        foreach (var operation in tryOperation.Body.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when IsInputReader(invocation.TargetMethod):
                    readsInput = true;
                    break;
                case IInvocationOperation invocation when IsHarmless(invocation.TargetMethod, model):
                    break;
                case IObjectCreationOperation creation when creation.Type is { } type && IsInputReaderType(type):
                    readsInput = true;
                    break;
                case IObjectCreationOperation creation when creation.Type is { } type && (model.IsResultType(type) || IsValueType(type)):
                    break;
                // A call the compiler could not bind (a store of an unrestored package) may be anything.
                case IInvocationOperation or IObjectCreationOperation or IDynamicInvocationOperation or IDynamicMemberReferenceOperation
                    or IDynamicObjectCreationOperation or IInvalidOperation:
                    return false;
            }
        }

        return readsInput;
    }

    /// <summary>Parsers, deserializers and checks of a request's values (by name, so that no serializer need be referenced).</summary>
    private static bool IsInputReader(IMethodSymbol method)
    {
        var type = method.ContainingType?.Name;
        return method.Name switch
        {
            "Parse" or "ParseExact" => true,
            "Deserialize" or "DeserializeAsync" => type is "JsonSerializer" or "XmlSerializer" or "DataContractSerializer" or "DataContractJsonSerializer",
            "DeserializeObject" or "PopulateObject" => type == "JsonConvert",
            "FromBase64String" or "ChangeType" => type == "Convert",
            "ToInt32" or "ToInt64" or "ToDecimal" or "ToDouble" or "ToBoolean" or "ToDateTime" or "ToGuid" => type == "Convert",
            "ValidateToken" or "ValidateTokenAsync" or "ReadJwtToken" or "ReadToken" => type?.EndsWith("TokenHandler", System.StringComparison.Ordinal) == true,
            "ValidateRequestAsync" => type == "IAntiforgery",
            "ReadFromJsonAsync" or "ReadFormAsync" => type is "HttpRequestJsonExtensions" or "HttpRequest",
            "ToObject" => type is "JToken" or "JObject",
            "LoadXml" => type == "XmlDocument",
            "Validate" => type == "Extensions" || type == "XmlDocument",
            "Add" => type == "XmlSchemaSet",
            _ => false,
        };
    }

    private static bool IsInputReaderType(ITypeSymbol type)
        => type.Name is "Uri" or "MailAddress" or "Regex" or "JsonWebTokenHandler" or "JwtSecurityTokenHandler" or "XmlSchemaSet";

    /// <summary>Calls that cannot fail on the server's side: string, conversion and collection helpers in memory, logging, results.</summary>
    private static bool IsHarmless(IMethodSymbol method, ResponseModel model)
    {
        if (method.ReturnType is { } returned && model.IsResultType(returned))
        {
            return true;
        }

        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType != SpecialType.None || type.IsValueType || method.Name is "ToString" or "Equals" or "GetHashCode")
        {
            return true;
        }

        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns switch
        {
            "System" => type.Name is "String" or "Math" or "Convert" or "StringComparer" or "Array" or "Guid" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "Enum",
            "System.Linq" => type.Name == "Enumerable",
            "System.Text" => type.Name is "Encoding" or "StringBuilder",
            "System.Collections.Generic" => true,
            "Microsoft.Extensions.Logging" => true,
            "Microsoft.Extensions.Primitives" => true,
            _ => false,
        };
    }

    private static bool IsValueType(ITypeSymbol type)
        => type.IsValueType || type.SpecialType != SpecialType.None || type.IsAnonymousType
            || type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";
}
