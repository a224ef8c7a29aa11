// <rove-report-chart>: one chart of the Report screen as a figure: its title (the caption), the
// chart (a canvas, an image to screen readers, named by `summary`), and the plain table of the
// same figures given as its child, beside the chart on a wide screen and under it on a narrow
// one or on paper. The chart library is loaded by the first chart drawn (report-charts.ts), so
// nothing of it is in any screen's first load; the table is there either way.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ChartSpec } from './report-chart-spec.js';
import type * as Charts from './report-charts.js';
import type { DrawnChart } from './report-charts.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

let library: Promise<typeof Charts> | undefined;

/** The chart module, loaded once for every chart. */
function loadCharts() {
  library ??= import('./report-charts.js').catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library;
}

@customElement('rove-report-chart')
export class RoveReportChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 0 0 2rem;
    }
    figure {
      margin: 0;
      display: grid;
      gap: 0.75rem 1.5rem;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
      break-inside: avoid;
    }
    figcaption {
      grid-column: 1 / -1;
      font-weight: 700;
      font-size: 1.15rem;
    }
    .plot {
      border: 1px solid ${palette.lineSoft};
      border-radius: 0.5rem;
      background: ${palette.card};
      padding: 0.5rem;
    }
    /* Chart.js sizes the canvas to this box, which must not take its size from the canvas. */
    .box {
      position: relative;
      width: 100%;
    }
    canvas {
      display: block;
      max-width: 100%;
    }
    /* A table of several columns goes under its chart, and scrolls if it must. */
    :host([wide]) figure {
      grid-template-columns: minmax(0, 1fr);
    }
    :host([wide]) .table {
      overflow-x: auto;
    }
    .note {
      margin: 0;
      color: ${palette.muted};
    }
    @media (max-width: 48rem) {
      figure {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media print {
      /* On paper the figure flows: its title stays with its chart, which is never cut, and
         the table may go on over the page (whole rows, its header again). Kept whole, each
         figure that did not fit in what was left of a page left that space blank. */
      figure {
        display: block;
        break-inside: auto;
      }
      figcaption {
        margin-bottom: 0.5rem;
        break-after: avoid;
      }
      .plot {
        margin-bottom: 0.75rem;
        break-inside: avoid;
      }
      .plot {
        border: none;
        padding: 0;
      }
      /* Printing lays the page out at the paper's width with no script run in between (no
         resize event, and page.pdf() no beforeprint either), so the canvas keeps the size
         Chart.js gave it for the screen: squeezed to the narrower paper by max-width, the
         chart came out squashed, its dots ovals and its words narrowed. Scaled whole
         instead, to the paper's width, its box as tall as the scaled chart (a box kept at its
         screen height left a gap under every chart). */
      .box {
        height: auto !important;
      }
      canvas {
        width: 100% !important;
        height: auto !important;
        object-fit: contain;
        object-position: left top;
      }
    }
  `;

  /** The figure's title: what the chart shows. */
  @property() heading = '';
  /** The chart in one sentence, its name for screen readers (the table has the detail). */
  @property() summary = '';
  @property({ attribute: false }) spec?: ChartSpec;
  /** The chart's height in rem (its width follows the page). */
  @property({ type: Number }) height = 16;
  /** The table goes under the chart rather than beside it. */
  @property({ type: Boolean, reflect: true }) wide = false;
  /** Set when the chart could not be drawn (its library did not load). */
  @state() private _failed = false;
  @query('canvas') private _canvas?: HTMLCanvasElement;
  private _chart?: DrawnChart;
  private _drawing = 0;

  override render() {
    return html`<figure>
      <figcaption>${this.heading}</figcaption>
      <div class="plot">
        ${
          this._failed
            ? html`<p class="note">
                ${msg('The chart could not be drawn here; the table has every figure.')}
              </p>`
            : ''
        }
        <div class="box" .style=${`height: ${this.height}rem`} ?hidden=${this._failed}>
          <canvas role="img" aria-label=${this.summary}></canvas>
        </div>
      </div>
      ${
        this.wide
          ? html`<div
              class="table"
              role="region"
              aria-label=${msg(str`${this.heading}: the figures`)}
              tabindex="0"
            >
              <slot></slot>
            </div>`
          : html`<div class="table"><slot></slot></div>`
      }
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('spec')) void this._draw();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this._fit);
    window.removeEventListener('afterprint', this._fit);
    this._drawing++;
    this._chart?.destroy();
    this._chart = undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Paper is another width than the screen: fit the chart to it, and back after.
    window.addEventListener('beforeprint', this._fit);
    window.addEventListener('afterprint', this._fit);
    // Back on the page (the chart was dropped when it left): draw again.
    if (this.hasUpdated && !this._chart) void this._draw();
  }

  private readonly _fit = () => this._chart?.resize();

  /** Resolves once the chart is drawn (or could not be); for tests and printing. */
  get drawn(): Promise<void> {
    return this._pending ?? Promise.resolve();
  }
  private _pending?: Promise<void>;

  private _draw() {
    const turn = ++this._drawing;
    this._pending = (async () => {
      const spec = this.spec;
      this._chart?.destroy();
      this._chart = undefined;
      if (!spec) return;
      let charts: typeof Charts;
      try {
        charts = await loadCharts();
      } catch {
        if (turn === this._drawing) this._failed = true;
        return;
      }
      this._failed = false;
      await this.updateComplete;
      if (turn !== this._drawing || !this._canvas) return;
      this._chart = charts.drawChart(this._canvas, spec);
    })();
    return this._pending;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-report-chart': RoveReportChart;
  }
}
