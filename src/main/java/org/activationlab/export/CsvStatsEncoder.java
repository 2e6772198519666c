package org.activationlab.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Scenario;

/**
 * The CSV layout: a header, then one row per (record, layer), per-unit lists joined by ';'. It
 * has no scenario and no divergence fields: only the layers are kept from the header.
 */
final class CsvStatsEncoder implements StatsEncoder {

  static final String HEADER = "step,loss,testLoss,accuracy,layer,kind,width,activation,"
      + "gradMeanAbs,gradWeightRms,deadFraction,inactiveFraction,saturatedFraction,"
      + "activationMean,activationStd,neuronGradMeanAbs,dead\n";

  private final Writer out;
  private final StringBuilder row = new StringBuilder();
  private List<Layer> layers;

  /** Writes UTF-8 to {@code out} (not closed: its owner closes it). */
  CsvStatsEncoder(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void header(Scenario scenario, List<Layer> layers, int every) throws IOException {
    this.layers = List.copyOf(layers);
    out.write(HEADER);
  }

  private static String csvNum(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  @Override
  public void record(Record r) throws IOException {
    for (int l = 0; l < r.layers().size(); l++) {
      LayerSnapshot lr = r.layers().get(l);
      Layer layer = layers.get(l);
      row.setLength(0);
      row.append(r.step()).append(',').append(csvNum(r.loss())).append(',')
          .append(csvNum(r.testLoss())).append(',').append(csvNum(r.accuracy())).append(',')
          .append(layer.index()).append(',').append(layer.kind())
          .append(',').append(layer.width()).append(',')
          .append(layer.activation().replace(',', ';')).append(',')
          .append(csvNum(lr.gradMeanAbs())).append(',').append(csvNum(lr.gradWeightRms()))
          .append(',').append(csvNum(lr.deadFraction())).append(',')
          .append(csvNum(lr.inactiveFraction())).append(',')
          .append(csvNum(lr.saturatedFraction())).append(',')
          .append(csvNum(lr.activationMean())).append(',').append(csvNum(lr.activationStd()))
          .append(',');
      for (int j = 0; j < lr.width(); j++) {
        row.append(j == 0 ? "" : ";").append(csvNum(lr.neuronGrad(j)));
      }
      row.append(',');
      for (int j = 0; j < lr.width(); j++) {
        row.append(j == 0 ? "" : ";").append(lr.isDead(j) ? 1 : 0);
      }
      row.append('\n');
      out.append(row);
    }
  }

  @Override
  public void end(long divergedAtStep) throws IOException {
    out.flush();
  }
}
