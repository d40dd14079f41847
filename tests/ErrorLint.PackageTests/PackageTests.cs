using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace ErrorLint.PackageTests
{
    /// <summary>
    /// The package as a user gets it: its exact contents, and what `dotnet build`, `dotnet format`
    /// and `.editorconfig` do with it once it is installed in a web project.
    /// </summary>
    public sealed class PackageTests : IClassFixture<PackedPackageFixture>
    {
        private const string AnalyzersFolder = "analyzers/dotnet/cs/";

        private readonly PackedPackageFixture _fixture;
        private readonly ITestOutputHelper _output;

        public PackageTests(PackedPackageFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void Package_holds_the_two_analyzer_assemblies_the_presets_and_the_readme_and_nothing_else()
        {
            foreach (var (step, elapsed) in _fixture.Timings)
            {
                _output.WriteLine($"{step}: {elapsed.TotalSeconds:F1} s");
            }

            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            var files = package.Entries
                .Select(e => e.FullName)
                .Where(name => !IsPackagingPart(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

            var expected = new[]
            {
                "ErrorLint.nuspec",
                "README.md",
                AnalyzersFolder + "ErrorLint.CodeFixes.dll",
                AnalyzersFolder + "ErrorLint.dll",
                "build/ErrorLint.props",
                "build/ErrorLint.targets",
                "build/config/ErrorLint.None.globalconfig",
                "build/config/ErrorLint.Strict.globalconfig",
                "buildTransitive/ErrorLint.props",
                "buildTransitive/ErrorLint.targets",
            }.OrderBy(name => name, StringComparer.Ordinal).ToArray();
            Assert.True(expected.SequenceEqual(files),
                $"Package files:\n  {string.Join("\n  ", files)}\nexpected:\n  {string.Join("\n  ", expected)}");
        }

        [Fact]
        public void Nuspec_declares_a_development_dependency_with_no_dependencies()
        {
            var nuspec = ReadNuspec();
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal("ErrorLint", Value("id"));
            Assert.Equal(_fixture.PackageVersion, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("MIT", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Equal("https://github.com/errorlint/errorlint", Value("projectUrl"));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")));
            Assert.Contains("aspnetcore", Value("tags")!.Split(' '));
            Assert.True(metadata.Elements().All(e => e.Name.LocalName != "dependencies" || !e.HasElements),
                "The package must not depend on anything:\n" + nuspec);
        }

        [Fact]
        public void Analyzers_reference_only_what_the_compiler_host_provides_at_Roslyn_4_5_versions()
        {
            // An analyzer package brings no dependencies: every assembly it references is loaded
            // from the host (compiler, IDE, dotnet format), at the host's version. A reference newer
            // than the oldest supported host has makes the analyzers fail to load there (for Roslyn
            // itself, warning CS9057), and the rules silently never run. The caps are Roslyn 4.5.0
            // and the versions of its own dependencies (its nuspec), as assembly versions.
            var roslyn = Repository.RoslynForAnalyzersVersion;
            var caps = new Dictionary<string, Version>(StringComparer.Ordinal)
            {
                ["netstandard"] = new(2, 0, 0, 0),
                ["Microsoft.CodeAnalysis"] = roslyn,
                ["Microsoft.CodeAnalysis.CSharp"] = roslyn,
                ["Microsoft.CodeAnalysis.Workspaces"] = roslyn,
                ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = roslyn,
                ["System.Collections.Immutable"] = new(6, 0, 0, 0),
                ["System.Reflection.Metadata"] = new(6, 0, 0, 0),
                ["System.Memory"] = new(4, 0, 1, 2),
                ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
                ["System.Text.Encoding.CodePages"] = new(6, 0, 0, 0),
                ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
            };
            var analyzers = ReferencesOf("ErrorLint.dll");
            var fixes = ReferencesOf("ErrorLint.CodeFixes.dll");
            var dump = $"ErrorLint.dll references:\n  {string.Join("\n  ", analyzers)}\nErrorLint.CodeFixes.dll references:\n  {string.Join("\n  ", fixes)}";

            var offending = analyzers.Concat(fixes.Where(r => r.Name != "ErrorLint"))
                .Where(r => !caps.TryGetValue(r.Name, out var cap) || r.Version > cap)
                .ToList();
            Assert.True(offending.Count == 0,
                $"Not provided by every supported host: {string.Join(", ", offending)}\n{dump}");
            Assert.True(analyzers.Any(r => r.Name == "Microsoft.CodeAnalysis"), dump);
            Assert.True(!analyzers.Any(r => r.Name.Contains("Workspaces", StringComparison.Ordinal)),
                "The analyzers must not need Workspaces (only the code fixes may): the compiler does not load it.\n" + dump);
            Assert.True(fixes.Any(r => r.Name == "ErrorLint"), dump);
        }

        [Fact]
        public void CodeFixes_reference_no_System_Composition_assembly()
        {
            // Visual Studio loads code fixes on .NET Framework with the System.Composition it ships.
            // The fixers are exported with [ExportCodeFixProvider] only (no [Shared]), which puts no
            // System.Composition reference in the assembly; a [Shared] would add one to the version
            // pinned in Directory.Packages.props for restore (9.0.0.0), newer than the 6.0.0.0 that
            // Roslyn 4.5's own Workspaces is built against. If a fixer ever needs one, replace this
            // with a cap at the oldest supported IDE's version.
            var fixes = ReferencesOf("ErrorLint.CodeFixes.dll");
            var composition = fixes.Where(r => r.Name.StartsWith("System.Composition", StringComparison.Ordinal)).ToList();
            Assert.True(composition.Count == 0,
                $"ErrorLint.CodeFixes.dll references:\n  {string.Join("\n  ", fixes)}");
        }

        [Fact]
        public void Dotnet_add_package_installs_ErrorLint_as_a_private_development_dependency()
        {
            RequireInstalled();
            var project = XDocument.Load(_fixture.AppProjectPath);
            var reference = project.Descendants("PackageReference").SingleOrDefault(e => (string?)e.Attribute("Include") == "ErrorLint");
            Assert.True(reference is not null, "No PackageReference to ErrorLint in:\n" + project);
            Assert.Equal(_fixture.PackageVersion, (string?)reference!.Attribute("Version"));
            var privateAssets = (string?)reference.Attribute("PrivateAssets") ?? reference.Element("PrivateAssets")?.Value;
            Assert.True(privateAssets == "all", "Expected PrivateAssets=all for a development dependency:\n" + project);
        }

        [Fact]
        public void Build_reports_EL0001_where_each_error_body_is_sent_and_nowhere_else()
        {
            var build = PlainBuildWithSarif();

            Assert.True(build.Succeeded, "EL0001 is a warning, the build must succeed:\n" + build);
            AssertEL0001At(WebApp.ExpectedEL0001, "warning", build);
        }

        [Fact]
        public void Warnaserror_fails_the_build_on_EL0001()
        {
            RequireInstalled();
            _fixture.ResetApp();

            var build = Build("-warnaserror");

            Assert.False(build.Succeeded, "-warnaserror must fail the build:\n" + build);
            AssertEL0001At(WebApp.ExpectedEL0001, "error", build);
        }

        [Fact]
        public void Editorconfig_severity_none_silences_EL0001()
        {
            RequireInstalled();
            _fixture.ResetApp();
            File.WriteAllText(Path.Combine(_fixture.AppDirectory, ".editorconfig"), """
                root = true

                [*.cs]
                dotnet_diagnostic.EL0001.severity = none

                """);

            var build = Build("-warnaserror");

            Assert.True(build.Succeeded, "With EL0001 off, nothing else should fail the build:\n" + build);
            AssertEL0001At(Array.Empty<Location>(), "warning", build);
        }

        [Fact]
        public void Dotnet_format_applies_the_EL0001_fix_and_the_project_then_builds_clean()
        {
            RequireInstalled();
            _fixture.ResetApp();

            var format = DotNetCli.Run(_fixture.AppDirectory,
                "format", "analyzers", _fixture.AppProjectPath,
                "--diagnostics", "EL0001", "--severity", "info", "--no-restore", "-v", "n");
            _output.WriteLine($"dotnet format: {format.Elapsed.TotalSeconds:F1} s");
            Assert.True(format.Succeeded, format.ToString());

            var fixedFiles = WebApp.SourceFiles.ToDictionary(f => f.RelativePath, f => File.ReadAllText(Path.Combine(_fixture.AppDirectory, f.RelativePath)));
            var report = string.Join("\n", fixedFiles.Select(f => $"--- {f.Key}\n{f.Value}")) + "\n" + format;
            // The README shows this exact rewrite.
            Assert.True(fixedFiles[WebApp.Controller.RelativePath].Contains(
                    "return Problem(detail: \"Order not found\", statusCode: StatusCodes.Status404NotFound);", StringComparison.Ordinal),
                "The controller's error body was not rewritten to Problem(...) with 404:\n" + report);
            Assert.True(!fixedFiles[WebApp.Program.RelativePath].Contains("success = false", StringComparison.Ordinal)
                && fixedFiles[WebApp.Program.RelativePath].Contains("Results.Problem(", StringComparison.Ordinal),
                "The minimal API's error body was not rewritten to Results.Problem(...):\n" + report);

            // The untouched app builds with no warning at all, so -warnaserror proves the fix left none.
            var build = Build("-warnaserror");
            Assert.True(build.Succeeded, "The fixed project must build clean:\n" + report + "\n" + build);
            AssertEL0001At(Array.Empty<Location>(), "warning", build);
        }

        [Fact]
        public void Dotnet_format_applies_every_rules_fix_and_the_project_then_builds_clean_with_warnaserror()
        {
            RequireInstalled();
            _fixture.ResetApp();
            var path = Path.Combine(_fixture.AppDirectory, WebApp.ManyMistakes.RelativePath);
            File.WriteAllText(path, WebApp.ManyMistakes.Text);
            try
            {
                var before = Build();
                var reportedBefore = ErrorLintIds(before);
                Assert.True(new[] { "EL0001", "EL0002", "EL0007", "EL0009" }.All(reportedBefore.Contains), "The project must make the mistakes it is fixed for:\n" + before);

                var format = DotNetCli.Run(_fixture.AppDirectory,
                    "format", "analyzers", _fixture.AppProjectPath, "--severity", "info", "--no-restore", "-v", "n");
                _output.WriteLine($"dotnet format (every rule): {format.Elapsed.TotalSeconds:F1} s");
                Assert.True(format.Succeeded, format.ToString());

                var fixedText = File.ReadAllText(path);
                Assert.True(CountOf(fixedText, "Headers.RetryAfter") == 1, "Retry-After must be set once:\n" + fixedText);
                Assert.True(fixedText.Contains("return ValidationProblem(detail: \"The report request is invalid.\", modelStateDictionary: ModelState);", StringComparison.Ordinal),
                    "The invalid request must be answered with validation problem details, its message kept:\n" + fixedText);
                Assert.True(!fixedText.Contains("ex.StackTrace", StringComparison.Ordinal) && !fixedText.Contains("ex.Message", StringComparison.Ordinal),
                    "No exception data may be left in a response:\n" + fixedText);

                // The untouched app builds with no warning at all, so -warnaserror proves the fixes left none.
                var build = Build("-warnaserror");
                Assert.True(build.Succeeded, "The fixed project must build clean:\n" + fixedText + "\n" + build);
                Assert.Empty(ErrorLintIds(build));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void The_compiler_of_the_NET_9_SDKs_loads_the_package_and_reports_the_same_diagnostics()
        {
            RequireInstalled();
            _fixture.ResetApp();
            var projectText = File.ReadAllText(_fixture.AppProjectPath);
            try
            {
                // Microsoft.Net.Compilers.Toolset 4.14 is the compiler of the .NET 9 SDKs and Visual Studio 17.14. The .NET 10
                // SDK replaces a toolset package's compiler with its own unless RoslynCompilerType names neither of its two.
                var add = DotNetCli.Run(_fixture.AppDirectory, "add", _fixture.AppProjectPath, "package", "Microsoft.Net.Compilers.Toolset", "--version", "4.14.0");
                Assert.True(add.Succeeded, add.ToString());

                var detailed = Build("-v:n", "-p:RoslynCompilerType=Toolset");
                // Normal verbosity prefixes each line with its node ("1>"); the diagnostics are read without it.
                var build = detailed with { Output = System.Text.RegularExpressions.Regex.Replace(detailed.Output, @"(?m)^\s*\d+>", string.Empty) };
                Assert.True(build.Succeeded, build.ToString());
                Assert.True(build.Output.Contains("microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll", StringComparison.OrdinalIgnoreCase),
                    "The build did not run the 4.14 compiler:\n" + build);
                Assert.False(build.Output.Contains("AD0001", StringComparison.Ordinal), "An analyzer threw:\n" + build);
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(build.Output, @"CS9057: Analyzer assembly '[^']*ErrorLint"), "The 4.14 compiler cannot load ErrorLint:\n" + build);
                AssertEL0001At(WebApp.ExpectedEL0001, "warning", build);
            }
            finally
            {
                File.WriteAllText(_fixture.AppProjectPath, projectText);
                var restore = DotNetCli.Run(_fixture.AppDirectory, "restore", _fixture.AppProjectPath);
                Assert.True(restore.Succeeded, "Restoring the project without the toolset failed:\n" + restore);
            }
        }

        [Fact]
        public void Shipped_presets_are_the_ones_in_the_repository()
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            foreach (var name in new[] { "ErrorLint.Strict.globalconfig", "ErrorLint.None.globalconfig" })
            {
                using var reader = new StreamReader(package.GetEntry("build/config/" + name)!.Open());
                var shipped = reader.ReadToEnd();
                Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "nuget", "build", "config", name)), shipped);
                Assert.Contains("is_global = true", shipped, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Strict_analysis_mode_fails_the_build_on_EL0001_as_an_error()
        {
            RequireInstalled();
            _fixture.ResetApp();
            var build = BuildWithAnalysisMode("Strict");

            Assert.False(build.Succeeded, "ErrorLintAnalysisMode=Strict must fail the build on EL0001:\n" + build);
            AssertEL0001At(WebApp.ExpectedEL0001, "error", build);
        }

        [Fact]
        public void None_analysis_mode_reports_no_ErrorLint_diagnostic()
        {
            RequireInstalled();
            _fixture.ResetApp();
            var build = BuildWithAnalysisMode("None", "-warnaserror");

            Assert.True(build.Succeeded, "ErrorLintAnalysisMode=None must leave nothing to fail the build:\n" + build);
            var reported = BuildOutput.Diagnostics(build.Output).Where(d => d.Id.StartsWith("EL", StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count == 0, "ErrorLintAnalysisMode=None must silence every rule:\n" + build);
        }

        [Fact]
        public void Editorconfig_severity_wins_over_the_Strict_preset()
        {
            RequireInstalled();
            _fixture.ResetApp();
            File.WriteAllText(Path.Combine(_fixture.AppDirectory, ".editorconfig"), """
                root = true

                [*.cs]
                dotnet_diagnostic.EL0001.severity = warning

                """);
            var build = BuildWithAnalysisMode("Strict");

            Assert.True(build.Succeeded, "The project's .editorconfig must override the preset:\n" + build);
            AssertEL0001At(WebApp.ExpectedEL0001, "warning", build);
        }

        /// <summary>Builds with the mode set in a Directory.Build.props next to the project, as a user would.</summary>
        private CliResult BuildWithAnalysisMode(string mode, params string[] arguments)
        {
            var props = Path.Combine(_fixture.AppDirectory, "Directory.Build.props");
            File.WriteAllText(props, $"<Project>\n  <PropertyGroup>\n    <ErrorLintAnalysisMode>{mode}</ErrorLintAnalysisMode>\n  </PropertyGroup>\n</Project>\n");
            try
            {
                return Build(arguments);
            }
            finally
            {
                File.Delete(props);
            }
        }

        [Fact]
        public void ErrorLog_writes_SARIF_2_1_naming_EL0001()
        {
            var build = PlainBuildWithSarif();
            var sarifPath = _fixture.SarifPath;

            Assert.True(build.Succeeded, build.ToString());
            Assert.True(File.Exists(sarifPath), "No SARIF log written:\n" + build);
            var sarifText = File.ReadAllText(sarifPath);
            using var sarif = JsonDocument.Parse(sarifText);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());

            var reported = new List<Location>();
            foreach (var run in sarif.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    if (result.GetProperty("ruleId").GetString() != "EL0001")
                    {
                        continue;
                    }

                    var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var path = new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                    reported.Add(new Location(Relative(path), physical.GetProperty("region").GetProperty("startLine").GetInt32()));
                }
            }

            AssertSameLocations(WebApp.ExpectedEL0001, reported, "SARIF results for EL0001", sarifText);
        }

        /// <summary>The ErrorLint rule IDs a build's output reports, warnings and errors alike.</summary>
        private static HashSet<string> ErrorLintIds(CliResult build)
            => BuildOutput.Diagnostics(build.Output).Select(d => d.Id).Where(id => id.StartsWith("EL", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        private static int CountOf(string text, string part)
        {
            var count = 0;
            for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private void RequireInstalled()
        {
            var install = _fixture.InstallResult;
            Assert.True(install is { Succeeded: true }, "Installing the package failed:\n" + install);
        }

        /// <summary>
        /// The build of the untouched project, run once for the two tests that read it: one reads its
        /// console output, the other the SARIF log it writes.
        /// </summary>
        private CliResult PlainBuildWithSarif()
        {
            RequireInstalled();
            if (_fixture.PlainBuild is null)
            {
                _fixture.ResetApp();
                _fixture.PlainBuild = Build($"-p:ErrorLog={_fixture.SarifPath}%2Cversion=2.1");
            }

            return _fixture.PlainBuild;
        }

        private CliResult Build(params string[] arguments)
        {
            var build = DotNetCli.Run(_fixture.AppDirectory,
                new[] { "build", _fixture.AppProjectPath, "--no-restore", "--no-incremental", "-tl:off" }.Concat(arguments).ToArray());
            _output.WriteLine($"{build.CommandLine}: {build.Elapsed.TotalSeconds:F1} s");
            return build;
        }

        private void AssertEL0001At(IReadOnlyList<Location> expected, string severity, CliResult build)
        {
            var matches = BuildOutput.Diagnostics(build.Output).Where(d => d.Id == "EL0001").ToList();
            Assert.All(matches, d => Assert.True(d.Severity == severity,
                $"EL0001 reported as {d.Severity}, expected {severity}:\n{build}"));
            var reported = matches.Select(d => new Location(Relative(d.Path), d.Line)).Distinct().ToList();
            AssertSameLocations(expected, reported, "EL0001 in the build output", build.ToString());
        }

        private static void AssertSameLocations(IReadOnlyList<Location> expected, IReadOnlyList<Location> reported, string what, string context)
        {
            var expectedSorted = expected.Select(l => l.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var reportedSorted = reported.Select(l => l.ToString()).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(expectedSorted.SequenceEqual(reportedSorted),
                $"{what}: expected [{string.Join(", ", expectedSorted)}], got [{string.Join(", ", reportedSorted)}]\n{context}");
        }

        private string Relative(string path)
            => Path.GetRelativePath(_fixture.AppDirectory, path).Replace('\\', '/');

        private XDocument ReadNuspec()
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            using var stream = package.GetEntry("ErrorLint.nuspec")!.Open();
            return XDocument.Load(stream);
        }

        private IReadOnlyList<(string Name, Version Version)> ReferencesOf(string fileName)
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            var entry = package.GetEntry(AnalyzersFolder + fileName);
            Assert.True(entry is not null, $"{AnalyzersFolder}{fileName} is missing from the package.");
            using var memory = new MemoryStream();
            using (var stream = entry!.Open())
            {
                stream.CopyTo(memory);
            }

            memory.Position = 0;
            using var pe = new PEReader(memory);
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle))
                .Select(reference => (reader.GetString(reference.Name), reference.Version))
                .OrderBy(r => r.Item1, StringComparer.Ordinal)
                .ToList();
        }

        private static bool IsPackagingPart(string name)
            => name == "[Content_Types].xml"
            || name.StartsWith("_rels/", StringComparison.Ordinal)
            || name.StartsWith("package/services/metadata/", StringComparison.Ordinal);
    }
}
