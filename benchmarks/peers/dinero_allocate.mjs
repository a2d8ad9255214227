// Peer benchmark (issue #16, "A peer, side by side"): dinero.js 2.0.2 `allocate` on the same
// inputs as benchmarks/allocation_bench.cpp, beside a plain-JS naive double split, with a
// differential check of dinero's parts against exact largest remainder (BigInt).
//
// Not part of the test suite. Run it with `bash benchmarks/peers/run.sh` from the repository
// root (see README.md in this folder).
//
// Inputs:
//   - 13 members: population key A of 2025 (data/population_keys.csv), 1 583 550 kr split in
//     whole kronor: dinero amount 1583550 of SEK at scale 0, so dinero's smallest unit is 1 kr.
//   - 10^6 members: integer weights uniform in [2000, 1000000] from splitmix64 (BigInt) with seed
//     1000000, total 10^12 units. (Same distribution as the C++ benchmark, not the same numbers:
//     that one draws from std::mt19937_64.)
//   - 10 000 random 13-member cases: weights uniform in [2000, 200000], totals uniform in
//     [1, 10^7], splitmix64 seed 16.
//
// Exact reference: largest remainder in BigInt: floor(total·w/W) each, then one spare unit each
// to the members with the largest remainders (ties: larger weight first, then lower index).
//
// Exit status: 1 if the parts of any dinero allocation do not sum to its total, or if the
// reference disagrees with ku on the golden key B case; 0 otherwise.

import { allocate as allocateNumber, dinero as dineroNumber, SEK as SEK_NUMBER, toSnapshot as snapNumber }
    from 'dinero.js';
import { allocate as allocateBigint, dinero as dineroBigint, SEK as SEK_BIGINT, toSnapshot as snapBigint }
    from 'dinero.js/bigint';
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------
// Inputs

/** Population key A of 2025, in the order of data/population_keys.csv. */
const KEY_A = [6842, 17794, 29145, 9309, 13283, 146197, 7568, 31649, 11664, 18806, 14857, 27531, 34682];
const KEY_A_NAMES = ['0604 Aneby', '0686 Eksjö', '0662 Gislaved', '0617 Gnosjö', '0643 Habo',
    '0680 Jönköping', '0642 Mullsjö', '0682 Nässjö', '0684 Sävsjö', '0687 Tranås', '0665 Vaggeryd',
    '0685 Vetlanda', '0683 Värnamo'];
const SMALL_TOTAL = 1_583_550;          // kr, split in whole kronor
const LARGE_MEMBERS = 1_000_000;
const LARGE_TOTAL = 1_000_000_000_000;  // units
const RANDOM_CASES = 10_000;

const MASK64 = (1n << 64n) - 1n;

/** splitmix64 (Steele, Lea and Flood 2014; the generator of Java's SplittableRandom). */
function splitmix64(seed) {
    let state = BigInt(seed) & MASK64;
    return () => {
        state = (state + 0x9E3779B97F4A7C15n) & MASK64;
        let z = state;
        z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK64;
        z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK64;
        return z ^ (z >> 31n);
    };
}

/** An integer uniform in [lo, hi] from a 64-bit draw: lo + floor(x·range / 2^64) (bias < 2^-43). */
function uniform(next, lo, hi) {
    return lo + Number((next() * BigInt(hi - lo + 1)) >> 64n);
}

// ---------------------------------------------------------------------------------------------
// Exact references (BigInt)

/** Largest remainder: floor(t·w/W) each, spare units to the largest remainders
 *  (ties: larger weight, then lower index). Returns { parts: BigInt[], floors: BigInt[], spare }. */
function largestRemainder(total, weights) {
    const t = BigInt(total);
    const n = weights.length;
    let W = 0n;
    for (const w of weights) W += BigInt(w);
    if (W > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('sum of weights too large for this reference');
    const floors = new Array(n);
    const rem = new Float64Array(n); // remainders < W < 2^53: exact as numbers
    let given = 0n;
    for (let i = 0; i < n; ++i) {
        const p = t * BigInt(weights[i]);
        const q = p / W;
        floors[i] = q;
        rem[i] = Number(p - q * W);
        given += q;
    }
    const spare = Number(t - given);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; ++i) order[i] = i;
    order.sort((a, b) => (rem[b] - rem[a]) || (weights[b] - weights[a]) || (a - b));
    const parts = floors.slice();
    for (let k = 0; k < spare; ++k) parts[order[k]] += 1n;
    // A tie across the cut (the last member given a unit and the first one not given one have
    // the same remainder) is where the tie rule decides; ku breaks it by kommun code, not index.
    const boundaryTie = spare > 0 && spare < n && rem[order[spare - 1]] === rem[order[spare]];
    return { parts, floors, spare, boundaryTie };
}

/** Each part rounded half-up, exactly: floor((2·t·w + W) / 2W). The C++ round_each. */
function roundEachHalfUp(total, weights) {
    const t = BigInt(total);
    let W = 0n;
    for (const w of weights) W += BigInt(w);
    return weights.map((w) => (2n * t * BigInt(w) + W) / (2n * W));
}

/**
 * Checks that dinero's parts follow dinero's rule as read from its source (distribute.ts):
 * part_i = floor(t·w_i/W) + e_i with e_i in {0, 1}, Σ e_i = the spare units, and every member
 * given a spare unit weighs at least as much as every member not given one (the spare units go
 * to the heaviest members; the order among equal weights is left to Array.prototype.sort).
 * Returns { off: members whose part is neither floor nor floor + 1, ruleHolds }.
 */
function checkDineroRule(parts, floors, spare, weights) {
    let off = 0;
    let extra = 0;
    let minWithUnit = Infinity;
    let maxWithout = -Infinity;
    for (let i = 0; i < parts.length; ++i) {
        const e = parts[i] - floors[i];
        if (e === 1n) {
            ++extra;
            minWithUnit = Math.min(minWithUnit, weights[i]);
        } else if (e === 0n) {
            maxWithout = Math.max(maxWithout, weights[i]);
        } else {
            ++off;
        }
    }
    return { off, ruleHolds: off === 0 && extra === spare && minWithUnit >= maxWithout };
}

// ---------------------------------------------------------------------------------------------
// The allocations being measured

// SEK is { code: 'SEK', base: 10, exponent: 2 }. Every amount below is made at scale 0, so its
// unit is 1 kr and allocate splits whole kronor (with ratios at scale 0, allocate keeps the
// total's scale and distributes its integer amount).

/** dinero, number calculator: the total at scale 0 (whole kronor), ratios as plain numbers. */
function dineroNumberParts(total, weights) {
    const d = dineroNumber({ amount: total, currency: SEK_NUMBER, scale: 0 });
    return allocateNumber(d, weights).map((p) => BigInt(snapNumber(p).amount));
}

/** dinero, bigint calculator (dinero.js/bigint). */
function dineroBigintParts(total, weights) {
    const d = dineroBigint({ amount: BigInt(total), currency: SEK_BIGINT, scale: 0n });
    return allocateBigint(d, weights.map(BigInt)).map((p) => snapBigint(p).amount);
}

/** The spreadsheet way, as the C++ naive_double row: share = w / W, round(total × share). */
function naiveDouble(total, weights, out) {
    let W = 0;
    for (let i = 0; i < weights.length; ++i) W += weights[i];
    for (let i = 0; i < weights.length; ++i) out[i] = Math.round(total * (weights[i] / W));
    return out;
}

const sumBig = (xs) => xs.reduce((a, b) => a + BigInt(b), 0n);

// ---------------------------------------------------------------------------------------------
// Timing

let sink = 0;
const now = () => process.hrtime.bigint();

/** Median of `runs` runs of `iterations` calls of fn; returns ns per call. */
function timeCalls(fn, { runs, iterations }) {
    const perCall = [];
    for (let r = 0; r < runs; ++r) {
        const start = now();
        for (let i = 0; i < iterations; ++i) sink ^= fn().length;
        perCall.push(Number(now() - start) / iterations);
    }
    perCall.sort((a, b) => a - b);
    return perCall[perCall.length >> 1];
}

/** Calls fn at least warmCalls times and for at least warmMs (so V8 has optimised it: the first
 *  ~3·10^4 calls of dinero's allocate run up to 8× slower), then returns the iterations that
 *  take about targetMs. */
function warmUpAndCalibrate(fn, warmCalls, warmMs, targetMs) {
    let calls = 0;
    const start = now();
    let elapsedMs = 0;
    while (calls < warmCalls || elapsedMs < warmMs) {
        for (let i = 0; i < 100; ++i) sink ^= fn().length;
        calls += 100;
        elapsedMs = Number(now() - start) / 1e6;
    }
    const probe = Math.max(100, Math.round(calls * 10 / elapsedMs)); // about 10 ms
    const probeStart = now();
    for (let i = 0; i < probe; ++i) sink ^= fn().length;
    const probeMs = Number(now() - probeStart) / 1e6;
    return Math.max(1, Math.round(probe * targetMs / Math.max(probeMs, 1e-3)));
}

const fmtNs = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : `${(ns / 1e3).toFixed(3)} µs`);
const fmtInt = (x) => x.toLocaleString('en-US').replace(/,/g, ' ');

let failed = false;
let referenceOk = true;
function checkSum(label, parts, total) {
    const s = sumBig(parts);
    if (s !== BigInt(total)) {
        console.error(`SUM CHECK FAILED: ${label}: Σ parts = ${s}, total = ${total}`);
        failed = true;
        return false;
    }
    return true;
}

const countDiff = (a, b) => a.reduce((c, x, i) => c + (BigInt(x) !== BigInt(b[i]) ? 1 : 0), 0);

const wallStart = now();
const dineroVersion = JSON.parse(readFileSync(new URL('./node_modules/dinero.js/package.json', import.meta.url))).version;

const rows = [];   // the timing table
const notes = [];  // the check table
const keyADetail = []; // key A: the members where dinero and largest remainder differ
let keyA;          // key A: spare units and whether largest remainder met a tie at the cut
let largeInfo;     // 10^6 members: facts for the report

// ---------------------------------------------------------------------------------------------
// The reference against ku: largest remainder of 1 583 550 kr by key B (the 2025 proposal's
// Digitalisering fee) must give the column of tests/golden/expected/proposal-2025-table-output.txt.

{
    const keyB = [6809, 17900, 29411, 9416, 13199, 145391, 7562, 31899, 11736, 18788, 14859, 27616, 34698];
    const kuParts = [29198, 76758, 126119, 40377, 56600, 623460, 32427, 136788, 50326, 80566, 63718, 118422, 148791];
    const mine = largestRemainder(SMALL_TOTAL, keyB).parts;
    if (countDiff(mine, kuParts) !== 0) {
        console.error(`REFERENCE CHECK FAILED: largest remainder by key B gives ${mine.join(' ')}, ku gives ${kuParts.join(' ')}`);
        referenceOk = false;
        failed = true;
    }
}

// ---------------------------------------------------------------------------------------------
// 13 members: key A, 1 583 550 kr in whole kronor

{
    const n = KEY_A.length;
    const exact = largestRemainder(SMALL_TOTAL, KEY_A);
    const keyABig = KEY_A.map(BigInt);
    const dNum = dineroNumberParts(SMALL_TOTAL, KEY_A);
    const dBig = dineroBigintParts(SMALL_TOTAL, KEY_A);
    const naiveOut = new Float64Array(n);
    naiveDouble(SMALL_TOTAL, KEY_A, naiveOut);
    const halfUp = roundEachHalfUp(SMALL_TOTAL, KEY_A);

    // Timed closures: the dinero objects are made outside, as the C++ makes its inputs outside.
    const dInNum = dineroNumber({ amount: SMALL_TOTAL, currency: SEK_NUMBER, scale: 0 });
    const dInBig = dineroBigint({ amount: BigInt(SMALL_TOTAL), currency: SEK_BIGINT, scale: 0n });
    const fnNum = () => allocateNumber(dInNum, KEY_A);
    const fnBig = () => allocateBigint(dInBig, keyABig);
    const fnNaive = () => naiveDouble(SMALL_TOTAL, KEY_A, naiveOut);
    const fnExact = () => largestRemainder(SMALL_TOTAL, KEY_A).parts;
    const timed = [];
    for (const [label, fn] of [['dinero allocate, number calculator', fnNum],
                               ['dinero allocate, bigint calculator', fnBig],
                               ['naive double, Math.round(total × (w / W))', fnNaive],
                               ['exact largest remainder, this script (BigInt, untuned)', fnExact]]) {
        const iterations = warmUpAndCalibrate(fn, 50_000, 400, 40);
        timed.push([label, timeCalls(fn, { runs: 7, iterations }), iterations]);
    }
    for (const [label, ns, iterations] of timed) {
        rows.push(['13', label, fmtNs(ns), (ns / n).toFixed(1), `median of 7 × ${fmtInt(iterations)}`]);
    }

    const okNum = checkSum('dinero number, 13 members', dNum, SMALL_TOTAL);
    const okBig = checkSum('dinero bigint, 13 members', dBig, SMALL_TOTAL);
    const ruleNum = checkDineroRule(dNum, exact.floors, exact.spare, KEY_A);
    const ruleBig = checkDineroRule(dBig, exact.floors, exact.spare, KEY_A);
    notes.push(['13 (key A)', 'dinero, number', okNum ? 'yes' : 'NO', `${countDiff(dNum, exact.parts)} of ${n}`,
        ruleNum.ruleHolds ? "dinero's rule holds" : `dinero's rule broken (${ruleNum.off} off)`]);
    notes.push(['13 (key A)', 'dinero, bigint', okBig ? 'yes' : 'NO', `${countDiff(dBig, exact.parts)} of ${n}`,
        ruleBig.ruleHolds ? "dinero's rule holds" : `dinero's rule broken (${ruleBig.off} off)`]);
    const naiveSum = naiveOut.reduce((a, b) => a + b, 0);
    notes.push(['13 (key A)', 'naive double', `no (residual ${SMALL_TOTAL - naiveSum})`,
        `${countDiff(Array.from(naiveOut), exact.parts)} of ${n}`,
        `parts ≠ exact round-half-up: ${countDiff(Array.from(naiveOut), halfUp)}`]);

    // The members where dinero and largest remainder differ, for the report.
    for (let i = 0; i < n; ++i) {
        if (dBig[i] !== exact.parts[i]) {
            const W = KEY_A.reduce((a, b) => a + b, 0);
            const quota = (SMALL_TOTAL * KEY_A[i]) / W;
            keyADetail.push(`  ${KEY_A_NAMES[i].padEnd(16)} weight ${String(KEY_A[i]).padStart(6)}  quota ${quota.toFixed(4).padStart(12)}  dinero ${dBig[i]}  largest remainder ${exact.parts[i]}`);
        }
    }
    keyA = { spare: exact.spare, boundaryTie: exact.boundaryTie };
}

// ---------------------------------------------------------------------------------------------
// 10 000 random 13-member cases

const randomStats = { cases: RANDOM_CASES, numDisagree: 0, numMembers: 0, bigDisagree: 0, bigMembers: 0,
    numVsBig: 0, ruleFails: 0, boundaryTies: 0, naiveResidual: 0 };
{
    const next = splitmix64(16);
    const naiveOut = new Float64Array(13);
    for (let c = 0; c < RANDOM_CASES; ++c) {
        const weights = Array.from({ length: 13 }, () => uniform(next, 2000, 200000));
        const total = uniform(next, 1, 10_000_000);
        const exact = largestRemainder(total, weights);
        const dNum = dineroNumberParts(total, weights);
        const dBig = dineroBigintParts(total, weights);
        checkSum(`dinero number, random case ${c}`, dNum, total);
        checkSum(`dinero bigint, random case ${c}`, dBig, total);
        const diffNum = countDiff(dNum, exact.parts);
        const diffBig = countDiff(dBig, exact.parts);
        if (diffNum) { ++randomStats.numDisagree; randomStats.numMembers += diffNum; }
        if (diffBig) { ++randomStats.bigDisagree; randomStats.bigMembers += diffBig; }
        if (countDiff(dNum, dBig)) ++randomStats.numVsBig;
        if (!checkDineroRule(dBig, exact.floors, exact.spare, weights).ruleHolds) ++randomStats.ruleFails;
        if (exact.boundaryTie) ++randomStats.boundaryTies;
        naiveDouble(total, weights, naiveOut);
        if (naiveOut.reduce((a, b) => a + b, 0) !== total) ++randomStats.naiveResidual;
    }
}

// ---------------------------------------------------------------------------------------------
// 10^6 members, 10^12 units

{
    const n = LARGE_MEMBERS;
    const next = splitmix64(LARGE_MEMBERS);
    const weights = new Array(n);
    for (let i = 0; i < n; ++i) weights[i] = uniform(next, 2000, 1_000_000);
    const weightsBig = weights.map(BigInt);
    const W = weights.reduce((a, b) => a + b, 0);
    const overSafe = weights.filter((w) => LARGE_TOTAL * w > Number.MAX_SAFE_INTEGER).length;

    let start = now();
    const exact = largestRemainder(LARGE_TOTAL, weights);
    const exactNs = Number(now() - start);
    const halfUp = roundEachHalfUp(LARGE_TOTAL, weights);

    // dinero, number calculator: 3 runs; the parts of the last run are checked.
    const dInNum = dineroNumber({ amount: LARGE_TOTAL, currency: SEK_NUMBER, scale: 0 });
    const dInBig = dineroBigint({ amount: BigInt(LARGE_TOTAL), currency: SEK_BIGINT, scale: 0n });
    const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
    let lastNum;
    const numTimes = [];
    for (let r = 0; r < 3; ++r) {
        start = now();
        lastNum = allocateNumber(dInNum, weights);
        numTimes.push(Number(now() - start));
    }
    const dNum = lastNum.map((p) => BigInt(snapNumber(p).amount));
    lastNum = null;
    let lastBig;
    const bigTimes = [];
    for (let r = 0; r < 3; ++r) {
        start = now();
        lastBig = allocateBigint(dInBig, weightsBig);
        bigTimes.push(Number(now() - start));
    }
    const dBig = lastBig.map((p) => snapBigint(p).amount);
    lastBig = null;
    const naiveOut = new Float64Array(n);
    const naiveTimes = [];
    for (let r = 0; r < 5; ++r) {
        start = now();
        naiveDouble(LARGE_TOTAL, weights, naiveOut);
        naiveTimes.push(Number(now() - start));
    }

    const per = (ns) => (ns / n).toFixed(1);
    const spread = (xs) => `median of ${xs.length} (${fmtNs(Math.min(...xs))} – ${fmtNs(Math.max(...xs))})`;
    rows.push(['10^6', 'dinero allocate, number calculator', fmtNs(median(numTimes)), per(median(numTimes)), spread(numTimes)]);
    rows.push(['10^6', 'dinero allocate, bigint calculator', fmtNs(median(bigTimes)), per(median(bigTimes)), spread(bigTimes)]);
    rows.push(['10^6', 'naive double, Math.round(total × (w / W))', fmtNs(median(naiveTimes)), per(median(naiveTimes)), spread(naiveTimes)]);
    rows.push(['10^6', 'exact largest remainder, this script (BigInt, untuned)', fmtNs(exactNs), per(exactNs), 'one run']);

    const okNum = checkSum('dinero number, 10^6 members', dNum, LARGE_TOTAL);
    const okBig = checkSum('dinero bigint, 10^6 members', dBig, LARGE_TOTAL);
    const ruleNum = checkDineroRule(dNum, exact.floors, exact.spare, weights);
    const ruleBig = checkDineroRule(dBig, exact.floors, exact.spare, weights);
    notes.push(['10^6', 'dinero, number', okNum ? 'yes' : 'NO', `${fmtInt(countDiff(dNum, exact.parts))} of ${fmtInt(n)}`,
        ruleNum.ruleHolds ? "dinero's rule holds" : `dinero's rule broken (${fmtInt(ruleNum.off)} parts not floor or floor + 1)`]);
    notes.push(['10^6', 'dinero, bigint', okBig ? 'yes' : 'NO', `${fmtInt(countDiff(dBig, exact.parts))} of ${fmtInt(n)}`,
        ruleBig.ruleHolds ? "dinero's rule holds" : `dinero's rule broken (${fmtInt(ruleBig.off)} off)`]);
    let naiveSum = 0;
    for (let i = 0; i < n; ++i) naiveSum += naiveOut[i];
    notes.push(['10^6', 'naive double', `no (residual ${LARGE_TOTAL - naiveSum})`,
        `${fmtInt(countDiff(Array.from(naiveOut), exact.parts))} of ${fmtInt(n)}`,
        `parts ≠ exact round-half-up: ${countDiff(Array.from(naiveOut), halfUp)}`]);
    largeInfo = { W, overSafe, spare: exact.spare, numVsBig: countDiff(dNum, dBig), boundaryTie: exact.boundaryTie };
}

// ---------------------------------------------------------------------------------------------
// Report

const wallS = Number(now() - wallStart) / 1e9;
const table = (head, body) => {
    const all = [head, ...body];
    const widths = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
    const line = (r) => `| ${r.map((x, c) => String(x).padEnd(widths[c])).join(' | ')} |`;
    return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
};

console.log(`# dinero.js ${dineroVersion} allocate beside exact largest remainder`);
console.log('');
console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}; wall time ${wallS.toFixed(1)} s.`);
console.log('Times are wall clock per whole allocation (process.hrtime), after warm-up.');
console.log('');
console.log(table(['Members', 'Allocation', 'Time', 'ns per member', 'Runs'], rows));
console.log('');
console.log(table(['Input', 'Result', 'Σ parts = total', 'Parts ≠ largest remainder', 'Note'], notes));
console.log('');
console.log(`Key A: ${keyA.spare} spare kronor after the floors; tie across the cut in largest remainder: ${keyA.boundaryTie ? 'yes' : 'no'}.`);
if (keyADetail.length) {
    console.log('Members where dinero and largest remainder differ (key A, 1 583 550 kr):');
    for (const line of keyADetail) console.log(line);
}
console.log('');
console.log(`Random 13-member cases: ${fmtInt(randomStats.cases)} (weights uniform in [2000, 200000], totals uniform in [1, 10^7], splitmix64 seed 16).`);
console.log(`  dinero (bigint) differs from largest remainder in at least one member: ${fmtInt(randomStats.bigDisagree)} cases (${(100 * randomStats.bigDisagree / randomStats.cases).toFixed(2)} %), ${fmtInt(randomStats.bigMembers)} member parts in all`);
console.log(`  dinero (number) differs from largest remainder in at least one member: ${fmtInt(randomStats.numDisagree)} cases, ${fmtInt(randomStats.numMembers)} member parts`);
console.log(`  dinero number vs bigint calculator differ: ${randomStats.numVsBig} cases`);
console.log(`  cases not following dinero's rule (floor, spare units to the heaviest): ${randomStats.ruleFails}`);
console.log(`  cases with a tie across the cut in largest remainder: ${randomStats.boundaryTies}`);
console.log(`  naive double parts do not sum to the total: ${fmtInt(randomStats.naiveResidual)} cases`);
console.log('');
console.log(`10^6 members: Σ w = ${fmtInt(largeInfo.W)}, ${fmtInt(largeInfo.spare)} spare units after the floors; `
    + `total × w > 2^53 for ${fmtInt(largeInfo.overSafe)} of ${fmtInt(LARGE_MEMBERS)} members; `
    + `dinero number vs bigint calculator differ in ${fmtInt(largeInfo.numVsBig)} members; `
    + `tie across the cut: ${largeInfo.boundaryTie ? 'yes' : 'no'}.`);
console.log(`(timing sink: ${sink & 1}; printed so the timed calls cannot be optimised away)`);

console.log(`Reference check: this script's largest remainder reproduces ku's golden Digitalisering column (key B): ${referenceOk ? 'yes' : 'NO'}.`);
if (failed) {
    console.error('A sum check or the reference check failed.');
    process.exit(1);
}
