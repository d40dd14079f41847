namespace ErrorLint.CodeFixes { internal static class Placeholder { } }
