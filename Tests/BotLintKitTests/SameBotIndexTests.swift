import Testing
@testable import BotLintKit

@Suite struct SameBotIndexTests {
    /// Identities over a few values of every field, so that each branch of `sameBot(as:)` is met.
    private static let identities: [TokenIdentity] = {
        var result: [TokenIdentity] = []
        for variable in [nil, "BOT_TOKEN", "TG_TOKEN"] as [String?] {
            for botID in [nil, "111", "222"] as [String?] {
                for expression in [nil, "bot.py: TOKEN"] as [String?] {
                    for store in [nil, "fly:a", "fly:b", "railway:production"] as [String?] {
                        for declaredBot in [nil, "main"] as [String?] {
                            result.append(TokenIdentity(variable: variable, botID: botID, redacted: nil, expression: expression,
                                                        store: store, declaredBot: declaredBot))
                        }
                    }
                }
            }
        }
        return result
    }()

    @Test func candidatesIncludeEverySiteOfTheSameBot() {
        let index = SameBotIndex(tokens: Self.identities)
        for token in Self.identities {
            let candidates = Set(index.candidates(for: token))
            for (i, other) in Self.identities.enumerated() where other.sameBot(as: token) {
                #expect(candidates.contains(i), "\(token) missed \(other)")
            }
        }
    }

    @Test func sameBotIsExactlyTheSitesOfThatBot() {
        let index = SameBotIndex(tokens: Self.identities)
        for token in Self.identities {
            #expect(index.sameBot(as: token) == Self.identities.indices.filter { Self.identities[$0].sameBot(as: token) })
        }
    }

    @Test func candidatesAreAscendingAndDistinct() {
        let index = SameBotIndex(tokens: Self.identities)
        for token in Self.identities {
            let candidates = index.candidates(for: token)
            #expect(candidates == Array(Set(candidates)).sorted())
        }
    }

    @Test func differentBotsAreNotCandidates() {
        let a = TokenIdentity(variable: "BOT_A", botID: nil, redacted: nil, expression: nil, store: nil, declaredBot: nil)
        let b = TokenIdentity(variable: "BOT_B", botID: nil, redacted: nil, expression: nil, store: nil, declaredBot: nil)
        #expect(SameBotIndex(tokens: [a, b, a]).candidates(for: a) == [0, 2])
    }
}
