using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using static System.FormattableString;

namespace ErrorLint.RealWorld;

/// <summary>
/// <c>run</c>: compiles each ASP.NET Core project of each checkout (its files and those of the projects it references,
/// against the framework reference packs only, as a half-restored IDE sees it) and writes what ErrorLint reports.
/// </summary>
internal static class RunCommand
{
    private const int LargeProject = 3000;

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        DocumentationMode.Parse,
        SourceCodeKind.Regular,
        new[] { "NET", "NET8_0_OR_GREATER", "NET10_0_OR_GREATER", "NETCOREAPP", "RELEASE" });

    public static async Task<int> RunAsync(string repositories, IReadOnlyCollection<string> only, string? analyzerPath, string output)
    {
        var analyzers = analyzerPath is null ? References.ErrorLintAnalyzers() : References.ErrorLintAnalyzersFrom(analyzerPath);
        var assembly = analyzers.FirstOrDefault()?.GetType().Assembly;
        Console.WriteLine($"Analyzers: {assembly?.Location} (module version {assembly?.ManifestModule.ModuleVersionId}, {analyzers.Length}: {string.Join(", ", analyzers.Select(a => a.GetType().Name))})");
        Directory.CreateDirectory(output);
        var total = Stopwatch.StartNew();
        var rows = new List<DiagnosticRow>();
        var projects = new List<ProjectResult>();
        foreach (var repository in Repository.All(repositories, only))
        {
            var repositoryClock = Stopwatch.StartNew();
            IReadOnlyList<string> paths;
            try
            {
                paths = repository.AspNetCoreProjects();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"{repository.Name}: cannot list projects: {e.Message}");
                continue;
            }

            Console.WriteLine($"{repository.Name}: {paths.Count} ASP.NET Core projects");
            var seen = new HashSet<(string File, int Line, int Column, string Rule, string Message)>();
            foreach (var path in paths)
            {
                var result = await AnalyzeAsync(repository, path, analyzers).ConfigureAwait(false);
                projects.Add(result);
                var added = 0;
                foreach (var row in result.Rows)
                {
                    // The same file compiles in every project that references its own; the first project keeps it.
                    if (seen.Add((row.File, row.Line, row.Column, row.Rule, row.Rule == "AD0001" ? row.Message : string.Empty)))
                    {
                        rows.Add(row);
                        added++;
                    }
                }

                Console.WriteLine(result.Failure is { } failure
                    ? Invariant($"  {result.Project}: FAILED after {result.Seconds:N1} s: {failure}")
                    : Invariant($"  {result.Project}: {result.Files} files{(result.Files > LargeProject ? " (large)" : string.Empty)}, {result.CompileErrors} compile errors, {result.Rows.Count} diagnostics ({added} new), {result.Seconds:N1} s"));
                GC.Collect();
            }

            Console.WriteLine(Invariant($"{repository.Name}: done in {repositoryClock.Elapsed.TotalSeconds:N1} s"));
        }

        rows.Sort(DiagnosticRow.Order);
        DiagnosticRow.Write(Path.Combine(output, "diagnostics.tsv"), rows);
        File.WriteAllText(Path.Combine(output, "summary.md"), Summary(rows, projects, analyzerPath, total.Elapsed));
        Console.WriteLine(Invariant($"{rows.Count} diagnostics ({rows.Count(r => r.Rule == "AD0001")} AD0001) in {total.Elapsed.TotalMinutes:N1} min; wrote {Path.Combine(output, "diagnostics.tsv")} and summary.md"));
        return 0;
    }

    private static async Task<ProjectResult> AnalyzeAsync(Repository repository, string path, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var clock = Stopwatch.StartNew();
        var result = new ProjectResult(repository.Name, repository.Relative(path));
        try
        {
            var closure = Closure(path, repository.Folder);
            var root = closure[0];
            var files = closure.SelectMany(p => Repository.SourceFiles(p.Directory)).Distinct(StringComparer.Ordinal).ToList();
            result.Files = files.Count;
            var trees = new List<SyntaxTree>(files.Count + 1);
            foreach (var file in files)
            {
                using var stream = File.OpenRead(file);
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8), ParseOptions, file));
            }

            var usings = closure.SelectMany(p => p.GlobalUsings).Distinct().ToList();
            if (usings.Count > 0)
            {
                var generated = string.Join('\n', new[] { "// <auto-generated/>" }.Concat(usings.Select(u => u.ToDirective()))) + "\n";
                trees.Add(CSharpSyntaxTree.ParseText(generated, ParseOptions, Path.Combine(root.Directory, "obj", Path.GetFileNameWithoutExtension(path) + ".GlobalUsings.g.cs")));
            }

            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: root.Nullable switch
                {
                    "enable" => NullableContextOptions.Enable,
                    "warnings" => NullableContextOptions.Warnings,
                    "annotations" => NullableContextOptions.Annotations,
                    _ => NullableContextOptions.Disable,
                },
                allowUnsafe: true);
            var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), trees, References.AspNetCore, options);

            var exceptions = new List<Diagnostic>();
            var analysisOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(diagnostic);
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);

            // Compiler and analyzer diagnostics from one pass, as a build makes them: the analyzers work from the binding
            // the compiler does anyway.
            var diagnostics = await compilation.WithAnalyzers(analyzers, analysisOptions).GetAllDiagnosticsAsync().ConfigureAwait(false);
            result.CompileErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
            result.SampleErrors = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal))
                .GroupBy(d => ShortMessage(d), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Take(3)
                .Select(g => Invariant($"{g.Count()} × {g.First().Id} {g.Key}"))
                .ToList();
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("EL", StringComparison.Ordinal) || d.Id == "AD0001").Concat(exceptions))
            {
                result.Rows.Add(Row(repository, result.Project, diagnostic));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            result.Failure = e.GetType().Name + ": " + DiagnosticRow.Clean(e.Message);
        }

        result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>The project first, then every project it references, directly or not, each once; unreadable references are left out.</summary>
    private static List<MsBuildProject> Closure(string path, string repository)
    {
        var result = new List<MsBuildProject>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        pending.Enqueue(Path.GetFullPath(path));
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            if (!visited.Add(next))
            {
                continue;
            }

            MsBuildProject project;
            try
            {
                project = MsBuildProject.Load(next, repository);
            }
            catch (Exception e) when (result.Count > 0 && e is System.Xml.XmlException or IOException)
            {
                Console.WriteLine($"  cannot read referenced project {next}: {e.Message}");
                continue;
            }

            result.Add(project);
            foreach (var reference in project.ProjectReferences)
            {
                pending.Enqueue(reference);
            }
        }

        return result;
    }

    private static DiagnosticRow Row(Repository repository, string project, Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (diagnostic.Location.IsInSource && diagnostic.Location.SourceTree is { } tree)
        {
            var span = diagnostic.Location.GetLineSpan();
            var text = tree.GetText();
            var line = text.Lines[span.StartLinePosition.Line].ToString();
            return new DiagnosticRow(repository.Name, project, repository.Relative(tree.FilePath), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                diagnostic.Id, DiagnosticRow.Clean(message), DiagnosticRow.Clean(line, 200));
        }

        // An analyzer exception has no location; the driver names the tree and node it was analyzing in the description.
        var description = diagnostic.Descriptor.Description.ToString(CultureInfo.InvariantCulture) + "\n" + string.Join("\n", diagnostic.Properties.Values);
        var context = description.Split('\n').Select(l => l.Trim()).ToList();
        var file = context.FirstOrDefault(l => l.StartsWith("SyntaxTree: ", StringComparison.Ordinal))?["SyntaxTree: ".Length..];
        var node = context.FirstOrDefault(l => l.StartsWith("SyntaxNode: ", StringComparison.Ordinal))?["SyntaxNode: ".Length..] ?? string.Empty;
        var frame = context.FirstOrDefault(l => l.StartsWith("at ErrorLint.", StringComparison.Ordinal)) ?? string.Empty;
        return new DiagnosticRow(repository.Name, project, file is null ? string.Empty : repository.Relative(file), 0, 0, diagnostic.Id,
            DiagnosticRow.Clean(message + (frame.Length > 0 ? " " + frame : string.Empty)), DiagnosticRow.Clean(node, 200));
    }

    /// <summary>A compiler error without its stock advice, short enough for a table cell.</summary>
    private static string ShortMessage(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var advice = message.IndexOf(" (are you missing", StringComparison.Ordinal);
        return DiagnosticRow.Clean(advice > 0 ? message[..advice] : message, 100);
    }

    private static string Summary(List<DiagnosticRow> rows, List<ProjectResult> projects, string? analyzerPath, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("# ErrorLint on real-world ASP.NET Core code");
        text.AppendLine();
        text.AppendLine(Invariant($"Analyzers: {(analyzerPath is null ? "the ErrorLint build this harness references" : Path.GetFullPath(analyzerPath))}. Elapsed: {elapsed.TotalMinutes:N1} min. Projects: {projects.Count} ({projects.Count(p => p.Failure is not null)} failed). Diagnostics: {rows.Count}. AD0001: {rows.Count(r => r.Rule == "AD0001")}."));
        text.AppendLine();
        var rules = rows.Select(r => r.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        var repositories = projects.Select(p => p.Repository).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        text.AppendLine("## Diagnostics per rule and repository");
        text.AppendLine();
        text.AppendLine("| Repository | " + string.Join(" | ", rules) + " | Total |");
        text.AppendLine("|---|" + string.Concat(rules.Select(_ => "---:|")) + "---:|");
        foreach (var repository in repositories)
        {
            var mine = rows.Where(r => r.Repository == repository).ToList();
            text.AppendLine(Invariant($"| {repository} | {string.Join(" | ", rules.Select(rule => mine.Count(r => r.Rule == rule)))} | {mine.Count} |"));
        }

        text.AppendLine(Invariant($"| **Total** | {string.Join(" | ", rules.Select(rule => rows.Count(r => r.Rule == rule)))} | {rows.Count} |"));
        text.AppendLine();
        text.AppendLine("## Projects");
        text.AppendLine();
        text.AppendLine("Compile errors count the compiler's errors with no NuGet packages restored: how half-resolved each project is.");
        text.AppendLine();
        text.AppendLine("| Repository | Project | Files | Compile errors | Diagnostics | Seconds | Most frequent errors / failure |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var project in projects)
        {
            var notes = project.Failure ?? string.Join("; ", project.SampleErrors);
            text.AppendLine(Invariant($"| {project.Repository} | {project.Project} | {project.Files} | {project.CompileErrors} | {project.Rows.Count} | {project.Seconds:N1} | {notes.Replace("|", "\\|", StringComparison.Ordinal)} |"));
        }

        return text.ToString();
    }

    private sealed class ProjectResult
    {
        public ProjectResult(string repository, string project)
        {
            Repository = repository;
            Project = project;
        }

        public string Repository { get; }

        public string Project { get; }

        public int Files { get; set; }

        public int CompileErrors { get; set; }

        public List<string> SampleErrors { get; set; } = new();

        public List<DiagnosticRow> Rows { get; } = new();

        public string? Failure { get; set; }

        public double Seconds { get; set; }
    }
}
