import './smoke-el.js';
