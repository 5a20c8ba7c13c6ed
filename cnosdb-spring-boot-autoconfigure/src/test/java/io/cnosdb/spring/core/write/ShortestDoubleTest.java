package io.cnosdb.spring.core.write;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

class ShortestDoubleTest {

	private static final Pattern PLAIN = Pattern.compile("-?\\d+\\.\\d+");

	private static final Pattern SCIENTIFIC = Pattern.compile("-?[1-9]\\.\\d+E-?[1-9]\\d*");

	private static final BigDecimal PLAIN_FROM = new BigDecimal("0.001");

	private static final BigDecimal PLAIN_BELOW = new BigDecimal("1E7");

	@Test
	void writesKnownValuesInTheLayoutOfDoubleToString() {
		assertThat(format(0.0)).isEqualTo("0.0");
		assertThat(format(-0.0)).isEqualTo("-0.0");
		assertThat(format(1.0)).isEqualTo("1.0");
		assertThat(format(-5.47)).isEqualTo("-5.47");
		assertThat(format(100.0)).isEqualTo("100.0");
		assertThat(format(1234567.0)).isEqualTo("1234567.0");
		assertThat(format(0.001)).isEqualTo("0.001");
		assertThat(format(0.1)).isEqualTo("0.1");
		assertThat(format(9.99E-4)).isEqualTo("9.99E-4");
		assertThat(format(1.0E7)).isEqualTo("1.0E7");
		assertThat(format(1.0E23)).isEqualTo("1.0E23");
		assertThat(format(9007199254740993.0)).isEqualTo("9.007199254740992E15");
		assertThat(format(2.82879384806159008E17)).isEqualTo("2.82879384806159E17");
		assertThat(format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
		assertThat(format(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014E-308");
		// At least two digits: 5E-324 would read back too, 4.9E-324 is closer.
		assertThat(format(Double.MIN_VALUE)).isEqualTo("4.9E-324");
		assertThat(format(2 * Double.MIN_VALUE)).isEqualTo("9.9E-324");
	}

	@Test
	void edgeCasesAreExactShortestAndLaidOut() {
		for (double value : edgeCases()) {
			assertExactShortestAndLaidOut(value);
		}
	}

	@Test
	void randomValuesAreExactShortestAndLaidOut() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 50_000; i++) {
			assertExactShortestAndLaidOut(randomFinite(random));
		}
	}

	/**
	 * Values of a few decimals take a shortcut past the general algorithm; these, their
	 * neighbours (which must not take it) and values about its bound check both ways.
	 */
	@Test
	void valuesOfAFewDecimalsAndTheirNeighboursAreExactShortestAndLaidOut() {
		SplittableRandom random = new SplittableRandom(7);
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 60_000; i++) {
			long digits = random.nextLong(1L << (1 + random.nextInt(46)));
			addWithNeighbours(values, Double.parseDouble(digits + "E-" + random.nextInt(1, 8)));
		}
		for (long near : new long[] { 1L << 32, (1L << 32) - 1, 9_999, 10_000 }) {
			for (int decimals = 0; decimals <= 5; decimals++) {
				addWithNeighbours(values, Double.parseDouble(near + "." + "9".repeat(decimals)));
				addWithNeighbours(values, Double.parseDouble(near + "." + "0".repeat(decimals) + "1"));
			}
		}
		for (double value : values) {
			assertExactShortestAndLaidOut(value);
			assertExactShortestAndLaidOut(-value);
		}
	}

	@Test
	void millionsOfRandomValuesReadBackToTheSameBits() {
		SplittableRandom random = new SplittableRandom(4242);
		byte[] array = new byte[ShortestDouble.MAX_LENGTH];
		for (int i = 0; i < 2_000_000; i++) {
			double value = randomFinite(random);
			String text = new String(array, 0, ShortestDouble.write(value, array, 0), StandardCharsets.ISO_8859_1);
			assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text)
				.isEqualTo(Double.doubleToRawLongBits(value));
		}
	}

	/**
	 * From Java 19 on, Double.toString follows the same specification, so the text must
	 * be the same.
	 */
	@Test
	@EnabledForJreRange(min = JRE.JAVA_19)
	void matchesDoubleToStringWhereItIsShortest() {
		for (double value : edgeCases()) {
			assertThat(format(value)).isEqualTo(Double.toString(value));
		}
		SplittableRandom random = new SplittableRandom(99);
		byte[] array = new byte[ShortestDouble.MAX_LENGTH];
		for (int i = 0; i < 2_000_000; i++) {
			double value = randomFinite(random);
			String text = new String(array, 0, ShortestDouble.write(value, array, 0), StandardCharsets.ISO_8859_1);
			assertThat(text).isEqualTo(Double.toString(value));
		}
	}

	@Test
	void logarithmApproximationsAreExactOverTheExponentsOfDoubles() {
		BigInteger three = BigInteger.valueOf(3);
		for (int q = -1100; q <= 1100; q++) {
			BigDecimal power = pow2(q);
			assertFloorLog10(ShortestDouble.floorLog10Pow2(q), power);
			assertFloorLog10(ShortestDouble.floorLog10ThreeQuartersPow2(q),
					power.multiply(new BigDecimal(three)).divide(BigDecimal.valueOf(4)));
		}
		for (int e = -350; e <= 350; e++) {
			int floor = ShortestDouble.floorLog2Pow10(e);
			BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(e);
			assertThat(pow2(floor).compareTo(power)).as("2^%d <= 10^%d", floor, e).isLessThanOrEqualTo(0);
			assertThat(pow2(floor + 1).compareTo(power)).as("10^%d < 2^%d", e, floor + 1).isGreaterThan(0);
		}
	}

	@Test
	void powersOfTenAreOneAboveTheirTruncationToTheTopBits() {
		for (int k = -324; k <= 292; k++) {
			long[] entry = ShortestDouble.powerOfTen(k);
			assertThat(entry[0]).as("high bits of 10^%d", -k).isBetween(1L << 62, Long.MAX_VALUE);
			assertThat(entry[1]).as("low bits of 10^%d", -k).isNotNegative();
			BigInteger g = BigInteger.valueOf(entry[0]).shiftLeft(63).or(BigInteger.valueOf(entry[1]));
			BigDecimal scaled = BigDecimal.ONE.scaleByPowerOfTen(-k)
				.multiply(pow2(125 - ShortestDouble.floorLog2Pow10(-k)));
			BigDecimal below = new BigDecimal(g.subtract(BigInteger.ONE));
			assertThat(below.compareTo(scaled)).as("g - 1 <= 10^%d * 2^-r", -k).isLessThanOrEqualTo(0);
			assertThat(new BigDecimal(g).compareTo(scaled)).as("g > 10^%d * 2^-r", -k).isGreaterThan(0);
		}
	}

	/**
	 * Checks, independently of the algorithm: the text reads back to the same bits; it
	 * has the fewest significant digits (but at least two: no decimal one digit shorter
	 * reads back, except a single digit where two are written); of the decimals of its
	 * length that read back, it is the closest to the exact value (ties to even); and it
	 * is laid out as Double.toString lays out its decimals.
	 */
	private static void assertExactShortestAndLaidOut(double value) {
		String text = format(value);
		assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text)
			.isEqualTo(Double.doubleToRawLongBits(value));
		BigDecimal decimal = new BigDecimal(text);
		if (decimal.signum() == 0) {
			assertThat(text).isIn("0.0", "-0.0");
			return;
		}
		BigDecimal exact = new BigDecimal(value);
		int digits = decimal.stripTrailingZeros().precision();
		BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
		BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
		assertThat(decimal.compareTo(down) == 0 || decimal.compareTo(up) == 0).as("%s is %s or %s", text, down, up)
			.isTrue();
		BigDecimal other = (decimal.compareTo(down) == 0) ? up : down;
		if (other.compareTo(decimal) != 0 && Double.parseDouble(other.toString()) == value) {
			int closer = decimal.subtract(exact).abs().compareTo(other.subtract(exact).abs());
			boolean evenOnTie = !decimal.stripTrailingZeros().unscaledValue().testBit(0);
			assertThat(closer < 0 || (closer == 0 && evenOnTie)).as("%s is closer to %s than %s", text, exact, other)
				.isTrue();
		}
		if (digits > 2) {
			for (RoundingMode mode : new RoundingMode[] { RoundingMode.DOWN, RoundingMode.UP }) {
				BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
				assertThat(Double.parseDouble(shorter.toString())).as("%s is shorter than %s", shorter, text)
					.isNotEqualTo(value);
			}
		}
		BigDecimal magnitude = decimal.abs();
		boolean plain = magnitude.compareTo(PLAIN_FROM) >= 0 && magnitude.compareTo(PLAIN_BELOW) < 0;
		assertThat(text).matches(plain ? PLAIN : SCIENTIFIC);
		String fraction = text.substring(text.indexOf('.') + 1).replaceFirst("E.*", "");
		assertThat(fraction.equals("0") || !fraction.endsWith("0")).as("no trailing zero in %s", text).isTrue();
	}

	private static List<Double> edgeCases() {
		List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.1, 0.2, 0.3, 1.0E23, 5.0E-324, 9007199254740993.0,
				Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Math.PI,
				Math.E, 2.82879384806159008E17, 1.0E-3, Math.nextDown(1.0E-3), 1.0E7, Math.nextDown(1.0E7)));
		for (int i = 1; i <= 1000; i++) {
			values.add(i * Double.MIN_VALUE);
		}
		for (int exponent = -1074; exponent <= 1023; exponent++) {
			addWithNeighbours(values, Math.scalb(1.0, exponent));
		}
		for (int exponent = -324; exponent <= 308; exponent++) {
			addWithNeighbours(values, Double.parseDouble("1E" + exponent));
		}
		long integer = 1;
		for (int bits = 0; bits <= 53; bits++) {
			values.add((double) integer);
			values.add((double) (integer - 1));
			values.add((double) (integer + 1));
			integer <<= 1;
		}
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 1000; i++) {
			values.add((double) random.nextLong(1L << 53));
		}
		values.addAll(values.stream().map((value) -> -value).toList());
		return values;
	}

	private static void addWithNeighbours(List<Double> values, double value) {
		if (value == 0 || Double.isInfinite(value)) {
			return;
		}
		values.add(value);
		values.add(Math.nextDown(value));
		if (value < Double.MAX_VALUE) {
			values.add(Math.nextUp(value));
		}
	}

	private static double randomFinite(SplittableRandom random) {
		while (true) {
			double value = switch (random.nextInt(4)) {
				case 0 -> Double.longBitsToDouble(random.nextLong() & 0x800F_FFFF_FFFF_FFFFL);
				case 1 -> random.nextInt(100_000) / 100.0;
				case 2 -> random.nextDouble() * 10;
				default -> Double.longBitsToDouble(random.nextLong());
			};
			if (Double.isFinite(value)) {
				return value;
			}
		}
	}

	private static String format(double value) {
		byte[] array = new byte[ShortestDouble.MAX_LENGTH];
		return new String(array, 0, ShortestDouble.write(value, array, 0), StandardCharsets.ISO_8859_1);
	}

	private static BigDecimal pow2(int exponent) {
		return (exponent >= 0) ? new BigDecimal(BigInteger.ONE.shiftLeft(exponent))
				: BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exponent)));
	}

	private static void assertFloorLog10(int floor, BigDecimal value) {
		assertThat(BigDecimal.ONE.scaleByPowerOfTen(floor).compareTo(value)).as("10^%d <= %s", floor, value)
			.isLessThanOrEqualTo(0);
		assertThat(BigDecimal.ONE.scaleByPowerOfTen(floor + 1).compareTo(value)).as("%s < 10^%d", value, floor + 1)
			.isGreaterThan(0);
	}

}
