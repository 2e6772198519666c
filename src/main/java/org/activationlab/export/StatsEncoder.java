package org.activationlab.export;

import java.io.IOException;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.Scenario;

/**
 * One layout of the training statistics written piece by piece: the part before the records,
 * each record as it is made, the part after them. Nothing is kept between calls but what the
 * layout needs to write the next piece, so memory does not grow with the records.
 */
interface StatsEncoder {

  /**
   * What comes before the records.
   *
   * @param every steps between records, or 0 when not regular (the Lab's log)
   */
  void header(Scenario scenario, List<Layer> layers, int every) throws IOException;

  void record(Record r) throws IOException;

  /** What comes after the records; {@code divergedAtStep} −1 when the run did not diverge. */
  void end(long divergedAtStep) throws IOException;
}
