#if canImport(Glibc)
import Glibc
import Testing
@testable import BotLintKit

/// CLibGit2Offline replaces the two mbedTLS calls with which libgit2's set-up loads the system
/// CA bundle. That only works if the process's symbol lookup finds botlint's definitions before
/// libmbedx509's, so this asks the dynamic linker what libgit2 would get.
@Suite struct LibGit2SetupTests {
    private typealias ParseCertificates = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32

    @Test(arguments: ["mbedtls_x509_crt_parse_file", "mbedtls_x509_crt_parse_path"])
    func certificateLoadingResolvesToTheOfflineStub(symbol: String) throws {
        LibGit2.ensureInitialized()
        let address = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol),
                                   "the stub is not exported, so libgit2 would load the CA bundle")
        // mbedTLS fails on a path that does not exist; the stub succeeds without reading it.
        let parse = unsafeBitCast(address, to: ParseCertificates.self)
        #expect(parse(nil, "/nonexistent/botlint-ca-bundle.crt") == 0)
    }
}
#endif
