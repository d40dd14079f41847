using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace ErrorLint.Tests.Verification;

/// <summary>
/// What every framework test of this project sets the same way: nullable-enabled C# of the latest version, and
/// the references of one of <see cref="TargetFrameworks"/> taken from the restored reference packs.
/// </summary>
internal static class TestSetup
{
    public static CompilationOptions CompilationOptions() =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static ParseOptions ParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

    /// <summary>
    /// Runs <paramref name="run"/> once per reference set in <paramref name="frameworks"/>, each after pointing
    /// <paramref name="test"/> at that set's <see cref="ReferenceAssemblies"/>; a failure names the set.
    /// </summary>
    public static async Task ForEachFrameworkAsync(AnalyzerTest<DefaultVerifier> test, TargetFrameworks frameworks, Func<TargetFrameworks, Task> run)
    {
        foreach (var framework in TestReferences.Split(frameworks))
        {
            test.ReferenceAssemblies = TestReferences.Assemblies(framework);
            try
            {
                await run(framework).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new InvalidOperationException($"[{TestReferences.DisplayName(framework)}] {exception.Message}", exception);
            }
        }
    }
}
