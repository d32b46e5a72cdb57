import { render } from 'preact';
import { App } from './app';
// The page's stylesheets, in cascade order; each screen adds its own when it loads.
import './styles/base.css';
import './styles/controls.css';
import './styles/shell.css';
import './styles/widgets.css';

render(<App />, document.getElementById('app')!);
