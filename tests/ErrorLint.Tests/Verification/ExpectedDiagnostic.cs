using System;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// A diagnostic expected at a numbered markup location. Immutable: each <c>With*</c> returns a copy, so one
    /// expectation can be shared between tests.
    /// </summary>
    public sealed class ExpectedDiagnostic
    {
        internal ExpectedDiagnostic(int markupLocation, string id, string? message, DiagnosticSeverity? severity)
        {
            if (markupLocation < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(markupLocation), "Markup locations are numbered from 0.");
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("A diagnostic id is required.", nameof(id));
            }

            MarkupLocation = markupLocation;
            Id = id;
            Message = message;
            Severity = severity;
        }

        /// <summary>The <c>n</c> of the <c>{|#n:...|}</c> marker this diagnostic is expected on.</summary>
        public int MarkupLocation { get; }

        public string Id { get; }

        /// <summary>The exact expected message, or null to not compare messages.</summary>
        public string? Message { get; }

        /// <summary>The expected effective severity (after options), or null to not compare it.</summary>
        public DiagnosticSeverity? Severity { get; }

        public ExpectedDiagnostic WithMessage(string message) => new(MarkupLocation, Id, message ?? throw new ArgumentNullException(nameof(message)), Severity);

        public ExpectedDiagnostic WithSeverity(DiagnosticSeverity severity) => new(MarkupLocation, Id, Message, severity);

        public override string ToString() => $"{Id} at #{MarkupLocation}";
    }
}
