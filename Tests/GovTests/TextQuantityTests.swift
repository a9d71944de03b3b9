import Foundation
import Testing

@testable import GovLanguage
@testable import GovReport

struct TextQuantityTests {
    @Test func smoke() {
        let evaluation = evaluate(script("text \"办结118件\""))
        #expect(evaluation.report.textQuantities.count == 1)
    }
}
