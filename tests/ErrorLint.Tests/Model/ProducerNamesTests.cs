using System.Linq;
using ErrorLint.Responses;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorLint.Tests.Model;

/// <summary>
/// The response model answers most framework calls by their method name alone (<see cref="KnownProducers.MayProduceResponse"/>)
/// before it looks up the method's type. A framework method that writes the response under a name the filter does not
/// know would go unseen, so the filter is checked against the framework's own methods on every supported version.
/// </summary>
public sealed class ProducerNamesTests
{
    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions")]
    [InlineData(TargetFrameworks.AspNetCore10, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions")]
    [InlineData(TargetFrameworks.AspNetCore8, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions")]
    [InlineData(TargetFrameworks.AspNetCore10, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions")]
    [InlineData(TargetFrameworks.AspNetCore8, "Microsoft.AspNetCore.Http.IProblemDetailsService")]
    [InlineData(TargetFrameworks.AspNetCore10, "Microsoft.AspNetCore.Http.IProblemDetailsService")]
    public void Every_method_of_a_response_writing_type_passes_the_name_filter(TargetFrameworks framework, string typeName)
    {
        var methods = PublicMethodNames(framework, typeName);

        Assert.NotEmpty(methods);
        Assert.All(methods, name => Assert.True(KnownProducers.MayProduceResponse(name), $"{typeName}.{name} is not a known producer name."));
    }

    [Theory]
    [InlineData("Where")]
    [InlineData("LogWarning")]
    [InlineData("ToString")]
    [InlineData("AddModelError")]
    public void Calls_that_produce_no_response_are_answered_by_name(string name)
        => Assert.False(KnownProducers.MayProduceResponse(name));

    private static string[] PublicMethodNames(TargetFrameworks framework, string typeName)
    {
        var compilation = CSharpCompilation.Create("Names", references: TestReferences.For(framework));
        var type = compilation.GetTypeByMetadataName(typeName);
        Assert.NotNull(type);
        return type!.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.MethodKind == MethodKind.Ordinary)
            .Select(m => m.Name)
            .Distinct()
            .ToArray();
    }
}
