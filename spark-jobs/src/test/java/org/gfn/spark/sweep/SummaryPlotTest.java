package org.gfn.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's summary plot holds one chart per axis, for any number of axes (odd ones too). */
class SummaryPlotTest {
  @TempDir File dir;

  @Test
  void onePanelPerAxisWhateverTheirNumber() throws Exception {
    for (int axes = 1; axes <= 5; axes++) {
      List<String> names = new ArrayList<>();
      for (int a = 0; a < axes; a++) names.add("axis" + a);
      List<TrialResult> results = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String n : names) params.put(n, Integer.toString(t % 3 + 1));
        results.add(new TrialResult("t" + t, params, 1, "ok", 1, 0.1 * t, 0.1 * t, 10, 100, 1.0, ""));
      }
      File out = new File(dir, "sweep" + axes);
      out.mkdirs();
      File png = new SweepResults(out).writeSummaryPlot(results, names, "exact_sum_l1");
      assertTrue(png.length() > 1000, axes + " axes: " + png.length() + " bytes");
    }
  }
}
