using System;
using System.Diagnostics;
using System.Text;

namespace ErrorLint.PackageTests
{
    /// <summary>The outcome of one `dotnet` call, printable in full for assertion messages.</summary>
    public sealed record CliResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public bool Succeeded => ExitCode == 0;

        public override string ToString()
            => $"$ {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode}, {Elapsed.TotalSeconds:F1} s)\n{Output}";
    }

    /// <summary>Runs the `dotnet` CLI with a time limit and captures everything it prints.</summary>
    internal static class DotNetCli
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        public static CliResult Run(string workingDirectory, params string[] arguments)
            => Run(workingDirectory, DefaultTimeout, arguments);

        public static CliResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // Quiet, non-interactive and leaving no MSBuild nodes behind on a shared machine.
            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["NUGET_CERT_REVOCATION_MODE"] = "offline";
            // A test host sets these for itself; a child build must not inherit them.
            startInfo.Environment.Remove("MSBuildExtensionsPath");
            startInfo.Environment.Remove("MSBuildSDKsPath");
            startInfo.Environment.Remove("MSBUILD_EXE_PATH");

            var output = new StringBuilder();
            void Append(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }
            }

            var commandLine = "dotnet " + string.Join(" ", arguments);
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"Timed out after {timeout.TotalMinutes:F0} min:\n" + new CliResult(commandLine, workingDirectory, -1, Snapshot(output), stopwatch.Elapsed));
            }

            // The timed wait can return before the last lines are read; this one waits for them.
            process.WaitForExit();
            stopwatch.Stop();
            return new CliResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
        }

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
