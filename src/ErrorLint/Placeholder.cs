namespace ErrorLint { internal static class Placeholder { } }
