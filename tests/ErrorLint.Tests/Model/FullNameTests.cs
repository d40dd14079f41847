using System.Linq;
using ErrorLint.Symbols;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorLint.Tests.Model;

/// <summary>
/// Exception types are recognised by full name (<c>System.IO.IOException</c>) without building it:
/// <see cref="WellKnownTypes.HasFullName"/> compares the name namespace by namespace. These cases pin it to the
/// answer the type's display string gives, on the shapes that could trip a segment-by-segment comparison.
/// </summary>
public sealed class FullNameTests
{
    private const string Source = """
        namespace System.IO.Custom { public class IOException : System.Exception { } }
        namespace Contoso { public class Outer { public class TimeoutException : System.Exception { } } }
        namespace IO { public class IOException : System.Exception { } }
        namespace Generic { public class RetryException<T> : System.Exception { } }
        public class GlobalException : System.Exception { }
        """;

    [Theory]
    [InlineData("System.IO.IOException", "System.IO.IOException", true)]
    [InlineData("System.IO.IOException", "IO.IOException", false)]
    [InlineData("System.IO.IOException", "System.IOException", false)]
    [InlineData("System.IO.IOException", "Xystem.IO.IOException", false)]
    [InlineData("System.IO.IOException", "IOException", false)]
    [InlineData("System.IO.Custom.IOException", "System.IO.IOException", false)]
    [InlineData("System.IO.Custom.IOException", "System.IO.Custom.IOException", true)]
    [InlineData("IO.IOException", "System.IO.IOException", false)]
    [InlineData("IO.IOException", "IO.IOException", true)]
    [InlineData("Contoso.Outer+TimeoutException", "Contoso.TimeoutException", false)]
    [InlineData("Generic.RetryException`1", "Generic.RetryException", false)]
    [InlineData("GlobalException", "GlobalException", false)]
    [InlineData("System.Exception", "System.Exception", true)]
    public void A_full_name_matches_only_the_type_it_names(string metadataName, string fullName, bool expected)
    {
        var type = TypeNamed(metadataName);

        Assert.Equal(expected, type.HasFullName(fullName));
    }

    [Theory]
    [InlineData("System.IO.IOException")]
    [InlineData("System.Net.Http.HttpRequestException")]
    [InlineData("System.Collections.Generic.KeyNotFoundException")]
    [InlineData("System.IO.Custom.IOException")]
    [InlineData("IO.IOException")]
    public void A_top_level_type_matches_its_own_display_string(string metadataName)
    {
        var type = TypeNamed(metadataName);

        Assert.True(type.HasFullName(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
    }

    private static INamedTypeSymbol TypeNamed(string metadataName)
    {
        var compilation = CSharpCompilation.Create(
            "FullNames",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            TestReferences.For(TargetFrameworks.AspNetCore10),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The source's own types first: System.IO.Custom.IOException must not be confused with the framework's.
        var type = compilation.Assembly.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);
        Assert.NotNull(type);
        return type!;
    }
}
