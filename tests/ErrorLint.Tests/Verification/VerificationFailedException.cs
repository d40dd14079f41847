using System;

namespace ErrorLint.Tests.Verification
{
    /// <summary>A verification check failed; the message says which check, where, and what was seen.</summary>
    public sealed class VerificationFailedException : Exception
    {
        public VerificationFailedException(string message)
            : base(message)
        {
        }

        public VerificationFailedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
