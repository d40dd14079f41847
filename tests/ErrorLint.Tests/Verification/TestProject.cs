using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Builds the one-project solution every check runs on: project "TestProject", documents Test0.cs, Test1.cs, ...
    /// and the test's analyzer config, so that the analyzer (AnalyzerOptions) and the fixer
    /// (document.Project.AnalyzerOptions) read the same options the compiler applies severities from.
    /// </summary>
    internal static class TestProject
    {
        public const string Name = "TestProject";

        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        public static string DocumentName(int index) => $"Test{index}.cs";

        public static Project Create(
            IReadOnlyList<string> sources,
            TargetFrameworks framework,
            string? editorConfig,
            OutputKind outputKind,
            IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            // A fresh workspace per project: solutions are never applied to it, it only hosts the services.
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId(Name);
            var compilationOptions = new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: EnableAll(analyzers, editorConfig));

            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                Name,
                Name,
                LanguageNames.CSharp,
                filePath: $"/{Name}/{Name}.csproj",
                compilationOptions: compilationOptions,
                parseOptions: ParseOptions,
                metadataReferences: TestReferences.For(framework)));

            for (var i = 0; i < sources.Count; i++)
            {
                var name = DocumentName(i);
                solution = solution.AddDocument(DocumentInfo.Create(
                    DocumentId.CreateNewId(projectId, name),
                    name,
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(sources[i], Encoding.UTF8), VersionStamp.Default)),
                    filePath: $"/{Name}/{name}"));
            }

            if (!string.IsNullOrWhiteSpace(editorConfig))
            {
                var (fileName, content) = AnalyzerConfig(editorConfig);
                solution = solution.AddAnalyzerConfigDocument(
                    DocumentId.CreateNewId(projectId, fileName),
                    fileName,
                    SourceText.From(content, Encoding.UTF8),
                    filePath: $"/{Name}/{fileName}");
            }

            return solution.GetProject(projectId)!;
        }

        // Off-by-default descriptors must be tested too: switch every one on at its default severity. Compilation
        // options outrank a global config, so an id the test's config sets a severity for is left to the config,
        // and a config with bulk severities (dotnet_analyzer_diagnostic.*) takes over entirely.
        private static ImmutableDictionary<string, ReportDiagnostic> EnableAll(IEnumerable<DiagnosticAnalyzer> analyzers, string? editorConfig)
        {
            var config = editorConfig ?? string.Empty;
            var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            if (config.Contains("dotnet_analyzer_diagnostic.", System.StringComparison.OrdinalIgnoreCase))
            {
                return builder.ToImmutable();
            }

            foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                if (config.Contains($"dotnet_diagnostic.{descriptor.Id}.severity", System.StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                builder[descriptor.Id] = descriptor.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => ReportDiagnostic.Error,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    DiagnosticSeverity.Info => ReportDiagnostic.Info,
                    _ => ReportDiagnostic.Hidden,
                };
            }

            return builder.ToImmutable();
        }

        // Plain "key = value" lines become a global config (applies to every document whatever its path);
        // text with [section] headers is taken as an .editorconfig at the project root.
        private static (string FileName, string Content) AnalyzerConfig(string editorConfig)
        {
            var lines = editorConfig.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
            if (lines.Any(l => l.StartsWith('[')))
            {
                return (".editorconfig", lines.Any(l => l.StartsWith("root", System.StringComparison.Ordinal)) ? editorConfig : "root = true\n" + editorConfig);
            }

            return (".globalconfig", lines.Any(l => l.StartsWith("is_global", System.StringComparison.Ordinal)) ? editorConfig : "is_global = true\n" + editorConfig);
        }
    }
}
