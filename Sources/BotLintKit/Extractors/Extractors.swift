/// Every extractor the engine runs, each asked `accepts` for every file of the repository.
public enum Extractors {
    public static let all: [any Extractor] = [
        ProcfileExtractor(),
        FlyTomlExtractor(),
        RailwayExtractor(),
        HerokuAppJSONExtractor(),
        DotEnvExtractor(),
        DockerfileExtractor(),
        PackageJSONExtractor(),
        ShellScriptExtractor(),
        CrontabExtractor(),
        PythonScanner(),
        JavaScriptScanner(),
        GoScanner(),
        RustScanner(),
        JVMScanner(),
        CSharpScanner(),
        PHPScanner(),
        RubyScanner(),
        SwiftScanner(),
        AppSettingsExtractor(),
        BotAPIURLScanner(),
        TokenLiteralExtractor(),
    ]
}
