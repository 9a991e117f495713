package org.anneal.lineage;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;

/**
 * Issue 16, family 5: a formula column recognised by what it holds, not by its name ({@code formula_pretty},
 * {@code reduced_formula}, {@code composition_str}): most of its distinct values parse as formulas of real elements, and
 * at least half of them are compounds of two or more elements (grades "A", "B", "C" are not boron and carbon, and heat ids
 * "H001", "H002" are not hydrogen).
 */
final class FormulaContent {
    private static final Set<String> ELEMENTS = Set.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge "
            + "As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W "
            + "Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc "
            + "Lv Ts Og").split(" "));

    /** Share of distinct values that must be formulas. */
    static final double SHARE = 0.9;

    private FormulaContent() {
    }

    static boolean holdsFormulas(CategoricalColumn c) {
        int formulas = 0;
        int levels = 0;
        int compounds = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.size() && levels < 2000; i++) {
            if (c.isMissing(i) || !seen.add(c.get(i))) {
                continue;
            }
            levels++;
            Map<String, Double> parsed = Formulas.parse(c.get(i));
            if (parsed != null && !parsed.isEmpty() && ELEMENTS.containsAll(parsed.keySet())) {
                formulas++;
                compounds += parsed.size() > 1 ? 1 : 0;
            }
        }
        return levels >= 3 && 2 * compounds >= levels && formulas >= SHARE * levels;
    }
}
