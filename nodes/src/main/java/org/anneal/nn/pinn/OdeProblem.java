package org.anneal.nn.pinn;

/**
 * The 1-D initial-value problems {@code model.pinn} offers, each with its exact solution (the yardstick the trained
 * network is checked against) and the scale of its solution (so the losses are dimensionless whatever the units).
 * Plain Java: the SameDiff residual of each lives in {@code org.anneal.nn.dl4j.PinnGraph}.
 *
 * <p>Every problem has a first coefficient, the one an inverse problem estimates ({@code rate}), and maybe a second,
 * held fixed ({@code second}).
 */
public enum OdeProblem {
    /** du/dt = −k·u: radioactive decay, first-order reaction kinetics. */
    EXPONENTIAL_DECAY("du/dt = −k·u", 1, "rate k", null),
    /** du/dt = r·u·(1 − u/K): grain or colony growth with a ceiling. */
    LOGISTIC_GROWTH("du/dt = r·u·(1 − u/K)", 1, "growth rate r", "carrying capacity K"),
    /** u'' + 2ζω·u' + ω²·u = 0: a mass on a spring with damping. */
    DAMPED_OSCILLATOR("d²u/dt² + 2ζω·du/dt + ω²·u = 0", 2, "natural frequency ω", "damping ratio ζ"),
    /** dT/dt = −h·(T − T∞): a quenched part cooling, or a cold part heating up, towards its surroundings. */
    NEWTON_COOLING("dT/dt = −h·(T − T∞)", 1, "rate h", "surrounding temperature T∞"),
    /** dX/dt = n·kⁿ·tⁿ⁻¹·(1 − X): the Johnson–Mehl–Avrami–Kolmogorov transformed fraction, X = 1 − exp(−(k·t)ⁿ). */
    JMAK("dX/dt = n·kⁿ·tⁿ⁻¹·(1 − X)", 1, "rate k", "Avrami exponent n");

    private final String equation;
    private final int order;
    private final String rateName;
    private final String secondName;

    OdeProblem(String equation, int order, String rateName, String secondName) {
        this.equation = equation;
        this.order = order;
        this.rateName = rateName;
        this.secondName = secondName;
    }

    public String equation() {
        return equation;
    }

    /** 1 for a first-order equation, 2 for the oscillator (which also needs an initial velocity). */
    public int order() {
        return order;
    }

    public String rateName() {
        return rateName;
    }

    /** The second coefficient's name, or null when the equation has none. */
    public String secondName() {
        return secondName;
    }

    /**
     * Why these settings cannot be solved, or null when they can: a message naming the offending setting, for the
     * node to turn into a located error.
     */
    public String problemWith(Coefficients c, Domain d) {
        if (!(d.t1() > d.t0())) {
            return "t1|The end of the domain (" + d.t1() + ") must lie after its start (" + d.t0() + ").";
        }
        if (!(c.rate() > 0)) {
            return "rate|The " + rateName + " must be positive: " + c.rate() + ".";
        }
        return switch (this) {
            case LOGISTIC_GROWTH -> !(c.second() > 0) ? "second|The carrying capacity K must be positive: " + c.second() + "."
                    : !(d.u0() > 0) ? "u0|Logistic growth needs a positive starting value: " + d.u0() + "." : null;
            case DAMPED_OSCILLATOR -> c.second() < 0 ? "second|The damping ratio ζ cannot be negative: " + c.second() + "." : null;
            case JMAK -> d.t0() < 0 ? "t0|The JMAK clock starts at nucleation: t0 must be 0 or later, not " + d.t0() + "."
                    : c.second() < 1 || c.second() > 4 ? "second|The Avrami exponent n must lie in [1, 4]: " + c.second() + "."
                    : d.u0() < 0 || d.u0() >= 1 ? "u0|The transformed fraction at t0 must lie in [0, 1): " + d.u0() + "." : null;
            default -> null;
        };
    }

    /** The exact solution at time t. */
    public double exact(double t, Coefficients c, Domain d) {
        double tau = t - d.t0();
        double k = c.rate();
        double u0 = d.u0();
        return switch (this) {
            case EXPONENTIAL_DECAY -> u0 * Math.exp(-k * tau);
            case LOGISTIC_GROWTH -> c.second() / (1 + (c.second() / u0 - 1) * Math.exp(-k * tau));
            case NEWTON_COOLING -> c.second() + (u0 - c.second()) * Math.exp(-k * tau);
            case JMAK -> 1 - (1 - u0) * Math.exp(-Math.pow(k, c.second()) * (Math.pow(t, c.second()) - Math.pow(d.t0(), c.second())));
            case DAMPED_OSCILLATOR -> oscillator(tau, k, c.second(), u0, d.v0());
        };
    }

    private static double oscillator(double tau, double w, double zeta, double u0, double v0) {
        if (Math.abs(zeta - 1) < 1e-9) { // critically damped
            return Math.exp(-w * tau) * (u0 + (v0 + w * u0) * tau);
        }
        if (zeta < 1) {
            double wd = w * Math.sqrt(1 - zeta * zeta);
            return Math.exp(-zeta * w * tau) * (u0 * Math.cos(wd * tau) + (v0 + zeta * w * u0) / wd * Math.sin(wd * tau));
        }
        double s = w * Math.sqrt(zeta * zeta - 1);
        double r1 = -zeta * w + s;
        double r2 = -zeta * w - s;
        double a = (v0 - r2 * u0) / (r1 - r2);
        return a * Math.exp(r1 * tau) + (u0 - a) * Math.exp(r2 * tau);
    }

    /** The size of the solution's change, so u = u0 + scale·σ·N(t) with N of order 1 and the losses dimensionless. */
    public double scale(Coefficients c, Domain d) {
        double s = switch (this) {
            case EXPONENTIAL_DECAY -> Math.abs(d.u0());
            case LOGISTIC_GROWTH -> Math.max(c.second(), d.u0());
            case DAMPED_OSCILLATOR -> Math.max(Math.abs(d.u0()), Math.abs(d.v0()) / c.rate());
            case NEWTON_COOLING -> Math.abs(d.u0() - c.second());
            case JMAK -> 1;
        };
        return s > 0 ? s : 1;
    }

    /** The equation's coefficients: the first is the one an inverse problem estimates. */
    public record Coefficients(double rate, double second) {
    }

    /** Where and from what the solution runs: t in [t0, t1], u(t0) = u0 and, for the oscillator, du/dt(t0) = v0. */
    public record Domain(double t0, double t1, double u0, double v0) {
    }
}
