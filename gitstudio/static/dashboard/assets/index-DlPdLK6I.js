const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var De,q,Rt,ce,st,Mt,At,Le,Ee,ye,Pt,Ze,We,ze,Ae={},Pe=[],en=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,He=Array.isArray;function ae(e,t){for(var r in t)e[r]=t[r];return e}function et(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function tn(e,t,r){var s,a,o,d={};for(o in t)o=="key"?s=t[o]:o=="ref"?a=t[o]:d[o]=t[o];if(arguments.length>2&&(d.children=arguments.length>3?De.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(o in e.defaultProps)d[o]===void 0&&(d[o]=e.defaultProps[o]);return Ce(e,d,s,a,null)}function Ce(e,t,r,s,a){var o={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++Rt,__i:-1,__u:0};return a==null&&q.vnode!=null&&q.vnode(o),o}function re(e){return e.children}function be(e,t){this.props=e,this.context=t}function pe(e,t){if(t==null)return e.__?pe(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?pe(e):null}function nn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],a=[],o=ae({},t);o.__v=t.__v+1,q.vnode&&q.vnode(o),tt(e.__P,o,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??pe(t),!!(32&t.__u),a),o.__v=t.__v,o.__.__k[o.__i]=o,Bt(s,o,a),t.__e=t.__=null,o.__e!=r&&Nt(o)}}function Nt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Nt(e)}function ot(e){(!e.__d&&(e.__d=!0)&&ce.push(e)&&!Ne.__r++||st!=q.debounceRendering)&&((st=q.debounceRendering)||Mt)(Ne)}function Ne(){try{for(var e,t=1;ce.length;)ce.length>t&&ce.sort(At),e=ce.shift(),t=ce.length,nn(e)}finally{ce.length=Ne.__r=0}}function Dt(e,t,r,s,a,o,d,l,u,c,h){var p,i,m,f,v,_,g=s&&s.__k||Pe,b=t.length;for(u=rn(r,t,g,u,b),p=0;p<b;p++)(m=r.__k[p])!=null&&(i=m.__i!=-1&&g[m.__i]||Ae,m.__i=p,_=tt(e,m,i,a,o,d,l,u,c,h),f=m.__e,m.ref&&i.ref!=m.ref&&(i.ref&&nt(i.ref,null,m),h.push(m.ref,m.__c||f,m)),v==null&&f!=null&&(v=f),4&m.__u?(u=Ht(m,u,e),i.__e&&(i.__e=null)):typeof m.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),m.__u&=-7);return r.__e=v,u}function rn(e,t,r,s,a){var o,d,l,u,c,h=r.length,p=h,i=0;for(e.__k=new Array(a),o=0;o<a;o++)(d=t[o])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[o]=Ce(null,d,null,null,null):He(d)?d=e.__k[o]=Ce(re,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[o]=Ce(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[o]=d,u=o+i,d.__=e,d.__b=e.__b+1,l=null,(c=d.__i=sn(d,r,u,p))!=-1&&(p--,(l=r[c])&&(l.__u|=2)),l==null||l.__v==null?(c==-1&&(a>h?i--:a<h&&i++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?i--:c==u+1?i++:(c>u?i--:i++,d.__u|=4))):e.__k[o]=null;if(p)for(o=0;o<h;o++)(l=r[o])!=null&&(2&l.__u)==0&&(l.__e==s&&(s=pe(l)),Lt(l,l));return s}function Ht(e,t,r){var s,a;if(typeof e.type=="function"){for(s=e.__k,a=0;s&&a<s.length;a++)s[a]&&(s[a].__=e,t=Ht(s[a],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=pe(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function sn(e,t,r,s){var a,o,d,l=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&l==null||h&&l==c.key&&u==c.type)return r;if(s>(h?1:0)){for(a=r-1,o=r+1;a>=0||o<t.length;)if((c=t[d=a>=0?a--:o++])!=null&&(2&c.__u)==0&&l==c.key&&u==c.type)return d}return-1}function it(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||en.test(t)?r:r+"px"}function xe(e,t,r,s,a){var o,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||it(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||it(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")o=t!=(t=t.replace(Pt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+o]=r,r?s?r[ye]=s[ye]:(r[ye]=Ze,e.addEventListener(t,o?ze:We,o)):e.removeEventListener(t,o?ze:We,o);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function at(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Ee]==null)t[Ee]=Ze++;else if(t[Ee]<r[ye])return;return r(q.event?q.event(t):t)}}}function tt(e,t,r,s,a,o,d,l,u,c){var h,p,i,m,f,v,_,g,b,$,k,T,D,J,X,Q,B=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),o=[l=t.__e=r.__e]),(h=q.__b)&&h(t);e:if(typeof B=="function"){p=d.length;try{if(b=t.props,$=B.prototype&&B.prototype.render,k=(h=B.contextType)&&s[h.__c],T=h?k?k.props.value:h.__:s,r.__c?g=(i=t.__c=r.__c).__=i.__E:($?t.__c=i=new B(b,T):(t.__c=i=new be(b,T),i.constructor=B,i.render=an),k&&k.sub(i),i.state||(i.state={}),i.__n=s,m=i.__d=!0,i.__h=[],i._sb=[]),$&&i.__s==null&&(i.__s=i.state),$&&B.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=ae({},i.__s)),ae(i.__s,B.getDerivedStateFromProps(b,i.__s))),f=i.props,v=i.state,i.__v=t,m)$&&B.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),$&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if($&&B.getDerivedStateFromProps==null&&b!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(b,T),t.__v==r.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(b,i.__s,T)===!1){t.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(W){W&&(W.__=t)}),Pe.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),l=pe(r);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(b,i.__s,T),$&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,v,_)})}if(i.context=T,i.props=b,i.__P=e,i.__e=!1,D=q.__r,J=0,$)i.state=i.__s,i.__d=!1,D&&D(t),h=i.render(i.props,i.state,i.context),Pe.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,D&&D(t),h=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++J<25);i.state=i.__s,i.getChildContext!=null&&(s=ae(ae({},s),i.getChildContext())),$&&!m&&i.getSnapshotBeforeUpdate!=null&&(_=i.getSnapshotBeforeUpdate(f,v)),X=h!=null&&h.type===re&&h.key==null?Ot(h.props.children):h,l=Dt(e,He(X)?X:[X],t,r,s,a,o,d,l,u,c),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),g&&(i.__E=i.__=null)}catch(W){if(d.length=p,t.__v=null,u||o!=null){if(W.then){for(t.__u|=u?160:128;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;o!=null&&(o[o.indexOf(l)]=null),t.__e=l}else if(o!=null)for(Q=o.length;Q--;)et(o[Q])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),W.then||qt(t),q.__e(W,t,r)}}else o==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):l=t.__e=on(r.__e,t,r,s,a,o,d,u,c);return(h=q.diffed)&&h(t),128&t.__u?void 0:l}function qt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(qt))}function Bt(e,t,r){for(var s=0;s<r.length;s++)nt(r[s],r[++s],r[++s]);q.__c&&q.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(o){o.call(a)})}catch(o){q.__e(o,a.__v)}})}function Ot(e){return typeof e!="object"||e==null||e.__b>0?e:He(e)?e.map(Ot):e.constructor!==void 0?null:ae({},e)}function on(e,t,r,s,a,o,d,l,u){var c,h,p,i,m,f,v,_=r.props||Ae,g=t.props,b=t.type;if(b=="svg"?a="http://www.w3.org/2000/svg":b=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),o!=null){for(c=0;c<o.length;c++)if((m=o[c])&&"setAttribute"in m==!!b&&(b?m.localName==b:m.nodeType==3)){e=m,o[c]=null;break}}if(e==null){if(b==null)return document.createTextNode(g);e=document.createElementNS(a,b,g.is&&g),l&&(q.__m&&q.__m(t,o),l=!1),o=null}if(b==null)_===g||l&&e.data==g||(e.data=g);else{if(o=b=="textarea"&&g.defaultValue!=null?null:o&&De.call(e.childNodes),!l&&o!=null)for(_={},c=0;c<e.attributes.length;c++)_[(m=e.attributes[c]).name]=m.value;for(c in _)m=_[c],c=="dangerouslySetInnerHTML"?p=m:c=="children"||c in g||c=="value"&&"defaultValue"in g||c=="checked"&&"defaultChecked"in g||xe(e,c,null,m,a);for(c in g)m=g[c],c=="children"?i=m:c=="dangerouslySetInnerHTML"?h=m:c=="value"?f=m:c=="checked"?v=m:l&&typeof m!="function"||_[c]===m||xe(e,c,m,_[c],a);if(h)l||p&&(h.__html==p.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(p&&(e.innerHTML=""),Dt(t.type=="template"?e.content:e,He(i)?i:[i],t,r,s,b=="foreignObject"?"http://www.w3.org/1999/xhtml":a,o,d,o?o[0]:r.__k&&pe(r,0),l,u),o!=null)for(c=o.length;c--;)et(o[c]);l&&b!="textarea"||(c="value",b=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[c]||b=="progress"&&!f||b=="option"&&f!=_[c])&&xe(e,c,f,_[c],a),c="checked",v!=null&&v!=e[c]&&xe(e,c,v,_[c],a))}return e}function nt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(a){q.__e(a,r)}}function Lt(e,t,r){var s,a;if(q.unmount&&q.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||nt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(o){q.__e(o,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(a=0;a<s.length;a++)s[a]&&Lt(s[a],t,r||typeof e.type!="function");r||et(e.__e),e.__c=e.__=e.__e=void 0}function an(e,t,r){return this.constructor(e,r)}function ln(e,t,r){var s,a,o,d;t==document&&(t=document.documentElement),q.__&&q.__(e,t),a=(s=!1)?null:t.__k,o=[],d=[],tt(t,e=t.__k=tn(re,null,[e]),a||Ae,Ae,t.namespaceURI,a?null:t.firstChild?De.call(t.childNodes):null,o,a?a.__e:t.firstChild,s,d),Bt(o,e,d),e.props.children=null}De=Pe.slice,q={__e:function(e,t,r,s){for(var a,o,d;t=t.__;)if((a=t.__c)&&!a.__)try{if((o=a.constructor)&&o.getDerivedStateFromError!=null&&(a.setState(o.getDerivedStateFromError(e)),d=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,s||{}),d=a.__d),d)return a.__E=a}catch(l){e=l}throw e}},Rt=0,be.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ae({},this.state),typeof e=="function"&&(e=e(ae({},r),this.props)),e&&ae(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),ot(this))},be.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),ot(this))},be.prototype.render=re,ce=[],Mt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,At=function(e,t){return e.__v.__b-t.__v.__b},Ne.__r=0,Le=Math.random().toString(8),Ee="__d"+Le,ye="__a"+Le,Pt=/(PointerCapture)$|Capture$/i,Ze=0,We=at(!1),ze=at(!0);var cn=0;function n(e,t,r,s,a,o){t||(t={});var d,l,u=t;if("ref"in u)for(l in u={},t)l=="ref"?d=t[l]:u[l]=t[l];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--cn,__i:-1,__u:0,__source:a,__self:o};if(typeof e=="function"&&(d=e.defaultProps))for(l in d)u[l]===void 0&&(u[l]=d[l]);return q.vnode&&q.vnode(c),c}var Se,V,Ue,lt,ke=0,Ut=[],G=q,ct=G.__b,dt=G.__r,ut=G.diffed,ht=G.__c,pt=G.unmount,mt=G.__;function rt(e,t){G.__h&&G.__h(V,e,ke||t),ke=0;var r=V.__H||(V.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function w(e){return ke=1,dn(Ft,e)}function dn(e,t,r){var s=rt(Se++,2);if(s.t=e,!s.__c&&(s.__=[Ft(void 0,t),function(l){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,l);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=V,!V.__f)){var a=function(l,u,c){if(!s.__c.__H)return!0;var h=!1,p=s.__c.props!==l;if(s.__c.__H.__.some(function(m){if(m.__N){h=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(p=!0)}}),o){var i=o.call(this,l,u,c);return h?i||p:i}return!h||p};V.__f=!0;var o=V.shouldComponentUpdate,d=V.componentWillUpdate;V.componentWillUpdate=function(l,u,c){if(this.__e){var h=o;o=void 0,a(l,u,c),o=h}d&&d.call(this,l,u,c)},V.shouldComponentUpdate=a}return s.__N||s.__}function U(e,t){var r=rt(Se++,3);!G.__s&&Vt(r.__H,t)&&(r.__=e,r.u=t,V.__H.__h.push(r))}function me(e){return ke=5,qe(function(){return{current:e}},[])}function qe(e,t){var r=rt(Se++,7);return Vt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function ft(e,t){return ke=8,qe(function(){return e},t)}function un(){for(var e;e=Ut.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Te),t.__h.some(Je),t.__h=[]}catch(r){t.__h=[],G.__e(r,e.__v)}}}G.__b=function(e){V=null,ct&&ct(e)},G.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),mt&&mt(e,t)},G.__r=function(e){dt&&dt(e),Se=0;var t=(V=e.__c).__H;t&&(Ue===V?(t.__h=[],V.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Te),t.__h.some(Je),t.__h=[],Se=0)),Ue=V},G.diffed=function(e){ut&&ut(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ut.push(t)!==1&&lt===G.requestAnimationFrame||((lt=G.requestAnimationFrame)||hn)(un)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Ue=V=null},G.__c=function(e,t){t.some(function(r){try{r.__h.some(Te),r.__h=r.__h.filter(function(s){return!s.__||Je(s)})}catch(s){t.some(function(a){a.__h&&(a.__h=[])}),t=[],G.__e(s,r.__v)}}),ht&&ht(e,t)},G.unmount=function(e){pt&&pt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{Te(s)}catch(a){t=a}}),r.__H=void 0,t&&G.__e(t,r.__v))};var gt=typeof requestAnimationFrame=="function";function hn(e){var t,r=function(){clearTimeout(s),gt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);gt&&(t=requestAnimationFrame(r))}function Te(e){var t=V,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),V=t}function Je(e){var t=V;e.__c=e.__(),V=t}function Vt(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function Ft(e,t){return typeof t=="function"?t(e):t}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function he(e){return K(e)==="object"}function pn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function _t(e,t){return e.length<124?e:t}const mn="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function Gt(e){if(!he(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!he(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!he(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!he(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!he(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!he(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function fn(e,t){return Gt(typeof e=="string"?JSON.parse(e,t):e)}function ge(e,t){return Gt(e),JSON.stringify(e,t)}function gn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:a=console.error,lazyCloseTimeout:o=0,keepAlive:d=0,disablePong:l,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(C){const x=Math.pow(2,C);await new Promise(A=>setTimeout(A,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:p=Ve,on:i,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const x=Math.random()*16|0;return(C=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:_}=e;let g;if(m){if(!yn(m))throw new Error("Invalid WebSocket implementation provided");g=m}else typeof WebSocket<"u"?g=WebSocket:typeof global<"u"?g=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(g=window.WebSocket||window.MozWebSocket);if(!g)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=g,$=(()=>{const E=(()=>{const x={};return{on(A,H){return x[A]=H,()=>{delete x[A]}},emit(A){"id"in A&&x[A.id]?.(A)}}})(),C={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[E.emit,i.message]:[E.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:E.on,on(x,A){const H=C[x];return H.push(A),()=>{const O=H.indexOf(A);O>-1&&H.splice(O,1)}},emit(x,...A){for(const H of[...C[x]])H(...A)}}})();function k(E){const C=[$.on("error",x=>{C.forEach(A=>A()),E(x)}),$.on("closed",x=>{C.forEach(A=>A()),E(x)})];return()=>C.forEach(x=>x())}let T,D=0,J,X=!1,Q=0,B=!1;async function W(){clearTimeout(J);const[E,C]=await(T??(T=new Promise((H,O)=>(async()=>{if(X){if(await h(Q),!D)return T=void 0,O({code:1e3,reason:"All Subscriptions Gone"});Q++}$.emit("connecting",X);const M=new b(typeof t=="function"?await t():t,mn);let ne,le;function oe(){isFinite(d)&&d>0&&(clearTimeout(le),le=setTimeout(()=>{M.readyState===b.OPEN&&(M.send(ge({type:te.Ping})),$.emit("ping",!1,void 0))},d))}k(F=>{T=void 0,clearTimeout(ne),clearTimeout(le),O(F),F instanceof yt&&(M.close(4499,"Terminated"),M.onerror=null,M.onclose=null)}),M.onerror=F=>$.emit("error",F),M.onclose=F=>$.emit("closed",F),M.onopen=async()=>{try{$.emit("opened",M);const F=typeof r=="function"?await r():r;if(M.readyState!==b.OPEN)return;M.send(ge(F?{type:te.ConnectionInit,payload:F}:{type:te.ConnectionInit},v)),isFinite(u)&&u>0&&(ne=setTimeout(()=>{M.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),oe()}catch(F){$.emit("error",F),M.close(ee.InternalClientError,_t(F instanceof Error?F.message:String(F),"Internal client error"))}};let Z=!1;M.onmessage=({data:F})=>{try{const y=fn(F,_);if($.emit("message",y),y.type==="ping"||y.type==="pong"){$.emit(y.type,!0,y.payload),y.type==="pong"?oe():l||(M.send(ge(y.payload?{type:te.Pong,payload:y.payload}:{type:te.Pong},v)),$.emit("pong",!1,y.payload));return}if(Z)return;if(y.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${y.type}`);clearTimeout(ne),Z=!0,$.emit("connected",M,y.payload,X),X=!1,Q=0;const I=new Promise((j,P)=>k(P));I.catch(()=>{}),H([M,I])}catch(y){M.onmessage=null,$.emit("error",y),M.close(ee.BadResponse,_t(y instanceof Error?y.message:String(y),"Bad response"))}}})())));E.readyState===b.CLOSING&&await C;let x=()=>{};const A=new Promise(H=>x=H);return[E,x,new Promise((H,O)=>{const M=k(O);E.readyState!==b.OPEN&&C.catch(O),A.then(()=>{if(M(),!D){const ne=()=>E.close(1e3,"Normal Closure");isFinite(o)&&o>0?(clearTimeout(J),J=setTimeout(()=>{!D&&E.readyState===b.OPEN&&ne()},o)):ne()}H()})})]}function ue(E){if(Ve(E)&&(_n(E.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(E.code)))throw E;if(B)return!1;if(Ve(E)&&E.code===1e3)return D>0;if(!c||Q>=c||!p(E))throw E;return X=!0}s||(async()=>{for(D++;;)try{const[,,E]=await W();await E}catch(E){try{if(!ue(E))return}catch(C){return a?.(C)}}})();function S(E,C){const x=f(E);let A=!1,H=!1,O=()=>{D--,A=!0};return(async()=>{for(D++;;)try{const[M,ne,le]=await W();if(A)return le.catch(()=>{}),ne();const oe=$.onMessage(x,Z=>{switch(Z.type){case te.Next:{C.next(Z.payload);return}case te.Error:{H=!0,A=!0,C.error(Z.payload),O();return}case te.Complete:{A=!0,O();return}}});M.send(ge({id:x,type:te.Subscribe,payload:E},v)),O=()=>{!A&&M.readyState===b.OPEN&&M.send(ge({id:x,type:te.Complete},v)),D--,A=!0,ne()},await le.finally(oe);return}catch(M){if(!ue(M))return}})().then(()=>{H||C.complete()}).catch(M=>{C.error(M)}),()=>{A||O()}}return{on:$.on,subscribe:S,iterate(E){const C=[],x={done:!1,error:null,resolve:()=>{}},A=S(E,{next(O){C.push(O),x.resolve()},error(O){x.done=!0,x.error=O,x.resolve()},complete(){x.done=!0,x.resolve()}}),H=(async function*(){for(;;){for(C.length||await new Promise(M=>x.resolve=M);C.length;)yield C.shift();if(x.error)throw x.error;if(x.done)return}})();return H.throw=async O=>(x.done||(x.done=!0,x.error=O,x.resolve()),{done:!0,value:void 0}),H.return=async()=>(A(),{done:!0,value:void 0}),H},async dispose(){if(B=!0,T){const[E]=await T;E.close(1e3,"Normal Closure")}},terminate(){T&&$.emit("closed",new yt)}}}class yt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ve(e){return he(e)&&"code"in e&&"reason"in e}function _n(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function yn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let de=null;async function bn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return de=null,null;const t=await e.json();return de={user:t.user,admin:t.admin,csrfToken:t.csrf_token},de}async function vn(){const e={Accept:"application/json"};de&&(e["X-CSRF-Token"]=de.csrfToken),await fetch("/logout",{method:"POST",headers:e}),de=null}function $e(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class ve extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function N(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};de&&(s["X-CSRF-Token"]=de.csrfToken);const a={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},o=await fetch("/graphql",a);let d;try{d=await o.json()}catch{throw new ve([{message:`HTTP ${o.status}`,code:o.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new ve(d.errors.map(l=>({message:l.message,code:l.extensions?.code??null})));if(d.data==null)throw new ve([{message:`HTTP ${o.status}`,code:null}]);return d.data}let Fe=null;function wn(){if(!Fe){const e=location.protocol==="https:"?"wss:":"ws:";Fe=gn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Fe}function Xe(e,t,r,s){return wn().subscribe({query:e.toString(),variables:t},{next:a=>{a.data&&r(a.data)},error:a=>s?.(a),complete:()=>{}})}const Qe=new Set;function Wt(){for(const e of Qe)e()}window.addEventListener("popstate",Wt);function Ke(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Wt())}function Sn(){const[,e]=w(0);return U(()=>{const t=()=>e(r=>r+1);return Qe.add(t),()=>{Qe.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const kn=["/graphql","/login","/logout","/api/"];function $n(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const a=new URL(s.href,location.href);a.origin===location.origin&&(kn.some(o=>a.pathname===o||a.pathname.startsWith(o))||(t.preventDefault(),Ke(a.pathname+a.search)))})}function Be(e){return"/projects/"+encodeURIComponent(e)}function se(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function bt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Oe(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Ye(e){const t=Oe(e);return e>0?"+"+t:t}function je(e){return e.split(":").slice(2).join(":")||e}class R extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new R(`
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}
    `,{fragmentName:"ModelFields"});new R(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new R(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const In=new R(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
          status
          lastStep
          metricNames
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `),xn=new R(`
    query MetricHistory($id: ID!, $name: String!, $maxPoints: Int!) {
  node(id: $id) {
    ... on Experiment {
      metricHistory(name: $name, maxPoints: $maxPoints) {
        name
        steps
        values
        total
      }
    }
  }
}
    `),En=new R(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    experimentId
  }
}
    `),Cn=new R(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
    defaultBranch
    model(name: $model) {
      ...ModelFields
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Tn=new R(`
    mutation RegisterVersion($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),jn=new R(`
    mutation AssignStage($input: StageInput!) {
  assignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Rn=new R(`
    mutation UnassignStage($input: StageInput!) {
  unassignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Mn=new R(`
    mutation DeprecateModel($input: DeprecateModelInput!) {
  deprecateModel(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),An=new R(`
    query ModelsDashboard($after: String, $filter: ModelFilter) {
  models(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      description
      labels
      path
      registered
      deprecated
      registryError {
        code
        message
      }
      latestVersion {
        version
        createdAt
      }
      stages {
        stage
        versions {
          version
        }
      }
      project {
        id
        name
      }
    }
  }
}
    `),Pn=new R(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `),Nn=new R(`
    query RowParams($id: ID!) {
  node(id: $id) {
    ... on Experiment {
      id
      sha
      params
      commit {
        sha
        branches
      }
    }
  }
}
    `),Dn=new R(`
    mutation RunExperiment($input: RunExperimentInput!) {
  runExperiment(input: $input) {
    commit {
      sha
    }
    branch
    pullRequest {
      number
      url
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Hn=new R(`
    query PullRequests($projectId: ID!, $state: PullRequestState) {
  node(id: $projectId) {
    ... on Project {
      pullRequests(state: $state) {
        id
        number
        title
        sourceBranch
        targetBranch
        state
        url
        forge
        createdBy
        createdAt
        mergeable
        conflicts
      }
    }
  }
}
    `),qn=new R(`
    mutation MergePullRequest($input: MergePullRequestInput!) {
  mergePullRequest(input: $input) {
    pullRequest {
      id
      state
      mergeSha
    }
    errors {
      code
      message
    }
  }
}
    `),Bn=new R(`
    mutation ClosePullRequest($input: ClosePullRequestInput!) {
  closePullRequest(input: $input) {
    pullRequest {
      id
      state
    }
    errors {
      code
      message
    }
  }
}
    `),On=new R(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Ln=new R(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),Un=new R(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Vn=new R(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Fn=new R(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Gn=new R(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),Wn=new R(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),zn=new R(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Jn=new R(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Xn=new R(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `),Qn=new R(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Kn=new R(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),Yn=new R(`
    query MyTokens {
  me {
    name
    tokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      projects
    }
  }
}
    `),Zn=new R(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
    }
    errors {
      code
      message
    }
  }
}
    `),er=new R(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    accessToken {
      id
      revokedAt
    }
    errors {
      code
      message
    }
  }
}
    `),tr=new R(`
    query Trends($projectId: ID!, $branch: String!, $columns: [String!]!, $first: Int!) {
  node(id: $projectId) {
    ... on Project {
      trends(branch: $branch, columns: $columns, first: $first) {
        sha
        values
        committedAt
        message
      }
    }
  }
}
    `);function fe(e){U(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function nr(){return fe("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function zt(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:$e(),children:"Sign in"})," to see it."]})})}function Ie(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const rr=15e3;function sr(e){fe("Projects");const[t,r]=w(null),[s,a]=w(0),[o,d]=w(null),[l,u]=w(null);return U(()=>{let c=!1;const h=async()=>{try{const i=[];let m=null,f=0,v=!1;for(let _=0;_<20;_++){const g=await N(Pn,{after:m});if(i.push(...g.projects.nodes),f=g.projects.totalCount,v=g.projects.pageInfo.hasNextPage,m=g.projects.pageInfo.endCursor,!v)break}if(c)return;r(i),a(f),d(v?m:null),u(null)}catch(i){c||u(i)}};h();const p=setInterval(()=>{h()},rr);return()=>{c=!0,clearInterval(p)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),l?n(Ie,{error:l}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:$e("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(re,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:Be(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:se(c.lastSyncedAt),children:bt(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",bt(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),o?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const or=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),ir=function(e){return"/"+e},vt={},wt=function(t,r,s){let a=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(p=>Promise.resolve(p).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=c;document.getElementsByTagName("link");const l=document.querySelector("meta[property=csp-nonce]"),u=l?.nonce||l?.getAttribute("nonce");a=c(r.map(h=>{if(h=ir(h),h in vt)return;vt[h]=!0;const p=h.endsWith(".css"),i=p?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${i}`))return;const m=document.createElement("link");if(m.rel=p?"stylesheet":or,p||(m.as="script"),m.crossOrigin="",m.href=h,u&&m.setAttribute("nonce",u),document.head.appendChild(m),p)return new Promise((f,v)=>{m.addEventListener("load",f),m.addEventListener("error",()=>v(new Error(`Unable to preload CSS for ${h}`)))})}))}function o(l){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=l,window.dispatchEvent(u),!u.defaultPrevented)throw l}return a.then(l=>{for(const u of l||[])u.status==="rejected"&&o(u.reason);return t().catch(o)})};async function Jt(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([wt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),wt(()=>import("./vega-interpreter-BmnYaw1U.js").then(o=>o.v),[])]),a=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>a.finalize(),insert:async(o,d)=>{await a.view.insert(o,d).runAsync()}}}function ar(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const lr=12,cr=500;function dr(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,lr),r=me(new Map),s=e.rows.map(d=>d.id).join(","),[a,o]=w(0);return U(()=>{if(a<t.length||t.length===0)return;const d=[];for(const l of e.rows.filter(u=>u.live)){let u=-1;for(const c of r.current.values())u=Math.max(u,c.lastStep(l.label));d.push(Xe(En,{projectId:e.projectId,experimentId:l.id,sinceStep:u>=0?u:null},c=>{const h=c.liveMetrics;if(!(h.type!=="DATA"||h.step===null||typeof h.metrics!="object"||!h.metrics))for(const[p,i]of Object.entries(h.metrics))typeof i=="number"&&r.current.get(p)?.append({rev:l.label,step:h.step,value:i})}))}return()=>{for(const l of d)l()}},[s,a,t.length,e.projectId]),t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>n(ur,{name:d,rows:e.rows.filter(l=>l.metricNames.includes(d)),register:l=>{r.current.set(d,l),o(u=>u+1)}},`${s}:${d}`))})}function ur(e){const t=me(null),[r,s]=w(0),[a,o]=w(null);return U(()=>{const d=t.current;if(!d)return;const l={stopped:!1},u=()=>l.stopped;let c=null;const h=new Map;let p=0;return(async()=>{const f=(await Promise.all(e.rows.map(async v=>{const g=(await N(xn,{id:v.id,name:e.name,maxPoints:cr})).node,b=g&&"metricHistory"in g?g.metricHistory:null,$=[];return b&&b.steps.forEach((k,T)=>{const D=b.values[T];typeof D=="number"&&$.push({rev:v.label,step:k,value:D})}),$}))).flat();for(const v of f)h.set(v.rev,Math.max(h.get(v.rev)??-1,v.step));if(!u()){if(c=await Jt(d,ar(e.name,f)),u()){c.finalize();return}p=f.length,s(p),e.register({lastStep:v=>h.get(v)??-1,append:v=>{(h.get(v.rev)??-1)>=v.step||(h.set(v.rev,v.step),p+=1,s(p),c?.insert("points",[v]))}})}})().catch(m=>o(m instanceof Error?m.message:String(m))),()=>{l.stopped=!0,c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),a?n("p",{class:"sync-error",children:a}):null]})}function hr(e){const[t,r]=w(null),[s,a]=w(null),[o,d]=w(!0),l=e.ids.join(",");U(()=>{let h=!1;return r(null),N(In,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const i=p.node;!h&&i&&"compare"in i&&r(i.compare)}).catch(p=>{h||a(p instanceof Error?p.message:String(p))}),()=>{h=!0}},[e.projectId,l,e.baselineId]);const u=new Set(t?.differing??[]),c=t?t.rows.filter(h=>!o||u.has(h.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:o,onChange:h=>d(h.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(re,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(h=>n("th",{scope:"col",children:h.name??h.sha?.slice(0,7)??h.id},h.id))]})}),n("tbody",{children:c.map(h=>n("tr",{children:[n("th",{scope:"row",title:h.column,children:h.column}),h.values.map((p,i)=>{const m=h.deltas[i],f=h.better[i];return n("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Oe(p),m!=null&&m!==0?n("span",{class:"delta",children:[" (",Ye(m),")"]}):null]},i)})]},h.column))})]})}),n(dr,{projectId:e.projectId,rows:t.experiments.map(h=>({id:h.id,label:h.name??h.sha?.slice(0,7)??h.id,live:h.kind==="LIVE"&&(h.status==="RUNNING"||h.status==="QUEUED"),metricNames:h.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(h=>n(pr,{plot:h},h.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((h,p)=>n("li",{class:"sync-error",children:[h.revision,": ",h.plot??"all plots",": ",h.message]},p))}):null]}):null]})}function pr(e){const{plot:t}=e;return t.kind==="IMAGE"?n(mr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n(Xt,{spec:t.spec})]})}function mr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,a]=w(r.length-1),o=r[Math.min(Math.max(s,0),r.length-1)],l=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(p=>p.revision===u);if(o===void 0)return c[c.length-1];const h=c.filter(p=>p.step===null||p.step<=o);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",o,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>a(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:l.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function Xt(e){const t=me(null),[r,s]=w("loading");return U(()=>{const a=t.current;if(!a||e.spec==null)return;let o=null,d=!1;return Jt(a,e.spec).then(l=>{d?l.finalize():(o=l,s("ready"))}).catch(l=>s(l instanceof Error?l.message:String(l))),()=>{d=!0,o?.finalize()}},[e.spec]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const fr=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],gr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],_r={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Qt(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function St(e){return{columns:Qt(e.columns),sort:null,git:{..._r},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function we(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(a=>a.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function Re(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function kt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function _e(e){return typeof e=="string"?e:""}function $t(e,t,r,s=[]){const a=new Set(t.columns.map(i=>i.id)),o=e.filter??{},l=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(l){const i=l.direction==="ASC"?"ASC":"DESC";typeof l.column=="string"&&l.column?u={key:l.column,direction:i}:typeof l.field=="string"&&l.field&&(u={key:"field:"+l.field,direction:i})}const c=o.detached===!0?"only":o.detached===!1?"none":"",h={};for(const i of s)i.goal&&(h[i.column]=i.goal);const p=e.columns.filter(i=>a.has(i));return{...r,columns:p.length?p:Qt(t.columns),sort:u,git:{branch:_e(o.branch),onBranch:_e(o.onBranch),tag:_e(o.tag),detached:c,author:_e(o.author),message:_e(o.message)},conditions:Array.isArray(o.columns)?o.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function yr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,a]of Object.entries(t.viewGoals))r.set(s,a);return r}function Kt(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function br(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(we(t)));const s=Re(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const a of t.columns)r.append("columns",a);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function vr(e){const{project:t,state:r,update:s}=e,a=c=>s({git:{...r.git,...c}}),o=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,l=(c,h)=>s({conditions:d.map((p,i)=>i===c?{...p,...h}:p)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>a({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),o.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>a({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),o.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>a({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>a({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n("input",{type:"search",value:r.git.author,onChange:c=>a({author:c.currentTarget.value})})]}),n("label",{children:["Message",n("input",{type:"search",value:r.git.message,onChange:c=>a({message:c.currentTarget.value})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:p=>l(h,{column:p.currentTarget.value}),children:t.columns.map(p=>n("option",{value:p.id,children:p.id},p.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:p=>l(h,{op:p.currentTarget.value}),children:fr.map(p=>n("option",{value:p.op,children:p.label},p.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n("input",{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),onChange:p=>l(h,{value:Kt(p.currentTarget.value)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((p,i)=>i!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function wr(e){const{project:t,state:r,update:s}=e,[a,o]=w(""),d=new Set(r.columns),l=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,v)=>{const _=[...r.columns],g=_.indexOf(f),b=g+v;g<0||b<0||b>=_.length||([_[g],_[b]]=[_[b],_[g]],s({columns:_}))},c=(f,v)=>s({columns:v?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,v)=>{const _={};for(const[g,b]of Object.entries(r.viewGoals))g!==f&&(_[g]=b);(v==="HIGHER"||v==="LOWER")&&(_[f]=v),s({viewGoals:_})},p=a.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!p||f.id.toLowerCase().includes(p));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:a,onInput:f=>o(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:m.map(f=>{const v=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:v,onChange:g=>c(f.id,g.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:g=>h(f.id,g.currentTarget.value),children:[n("option",{value:"",children:l.get(f.id)?`project: ${(l.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function Sr(e){const[t,r]=w(""),[s,a]=w(!1),[o,d]=w(null),l=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),l?n("button",{type:"button",onClick:()=>{e.remove(l).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>a(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,o?n("span",{class:"muted",role:"status",children:o}):null]})}function kr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const a=typeof s=="object"&&s!==null&&"data"in s?s.data:s,o=(d,l)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))o(c,l?`${l}.${u}`:u);else l&&t.push({file:r,path:l,value:d})};o(a,"")}return t}function It(e){return typeof e=="string"?e:Oe(e)}function $r(e){const[t,r]=w(null),[s,a]=w(""),[o,d]=w({}),[l,u]=w("BRANCH"),[c,h]=w(""),[p,i]=w(""),[m,f]=w(null),[v,_]=w(!1);U(()=>{N(Nn,{id:e.rowId}).then(k=>{const T=k.node;!T||!("params"in T)||(r(kr(T.params)),a(T.commit?.branches[0]??T.commit?.sha??T.sha??""))}).catch(k=>f(k instanceof Error?k.message:String(k)))},[e.rowId]);const g=k=>`${k.file}\0${k.path}`,b=(t??[]).filter(k=>g(k)in o&&o[g(k)]!==It(k.value)).map(k=>({file:k.file,path:k.path,value:Kt(o[g(k)]??"")})),$=async()=>{_(!0);try{const T=(await N(Dn,{input:{projectId:e.projectId,baseRev:s,paramChanges:b,target:l,branch:c.trim()||null,message:p.trim()||null}})).runExperiment,D=T.errors[0];if(D)f(`${D.code}: ${D.message}`);else{const J=T.pullRequest;f(`Committed ${T.commit?.sha.slice(0,7)??""}${T.branch?` on ${T.branch}`:""}${J?`, pull request #${J.number}`:""}`)}}catch(k){f(k instanceof Error?k.message:String(k))}finally{_(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:k=>{k.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(k=>n("label",{class:"param","data-testid":"param","data-file":k.file,"data-path":k.path,children:[n("span",{class:"muted small",children:k.file})," ",k.path,n("input",{type:"text",value:o[g(k)]??It(k.value),onInput:T=>d({...o,[g(k)]:T.currentTarget.value})})]},g(k)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:k=>a(k.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:l,onChange:k=>u(k.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:k=>h(k.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:p,onInput:k=>i(k.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:v||b.length===0,"data-testid":"run-submit",children:["Run (",b.length," changed)"]})]})]}):null,m?n("p",{class:"notice",role:"status","data-testid":"run-result",children:m}):null]})}function Ir(e){const[t,r]=w(null),[s,a]=w(null),o=async()=>{const u=(await N(Hn,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};U(()=>{o().catch(l=>a(l instanceof Error?l.message:String(l)))},[e.projectId]);const d=async(l,u)=>{try{const c={pullRequestId:l.id},p=(u?(await N(qn,{input:c})).mergePullRequest:(await N(Bn,{input:c})).closePullRequest).errors[0];a(p?`${p.code}: ${p.message}`:`#${l.number} ${u?"merged":"closed"}`),await o()}catch(c){a(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(l=>n("tr",{"data-testid":"pull-request","data-number":l.number,children:[n("td",{children:l.url?n("a",{href:l.url,children:["#",l.number]}):`#${l.number}`}),n("th",{scope:"row",children:l.title}),n("td",{children:[l.sourceBranch," → ",l.targetBranch]}),n("td",{children:[l.state.toLowerCase(),l.state==="OPEN"&&l.mergeable===!1?` (conflicts: ${l.conflicts.join(", ")})`:""]}),n("td",{children:[se(l.createdAt)," by ",l.createdBy]}),n("td",{children:l.state==="OPEN"&&l.forge===null?n(re,{children:[n("button",{type:"button",disabled:l.mergeable===!1,onClick:()=>{d(l,!0)},children:["Merge #",l.number]})," ",n("button",{type:"button",onClick:()=>{d(l,!1)},children:["Close #",l.number]})]}):null})]},l.id))})]})]})}const xr=200;function Er(e){const{project:t}=e,r=t.columns.filter(i=>i.kind==="METRIC"&&i.type==="number"),s=t.branches.filter(i=>!i.hidden),[a,o]=w(t.defaultBranch??s[0]?.name??""),[d,l]=w(r[0]?.id??""),[u,c]=w(null),[h,p]=w(null);return U(()=>{if(!a||!d)return;let i=!1;return c(null),N(tr,{projectId:t.id,branch:a,columns:[d],first:xr}).then(m=>{const f=m.node;if(i||!f||!("trends"in f))return;const v=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${je(d)} on ${a}`,width:560,height:220,data:{values:v},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:je(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:je(d)}]}}),p(null)}).catch(m=>{i||p(m instanceof Error?m.message:String(m))}),()=>{i=!0}},[t.id,a,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:a,onChange:i=>o(i.currentTarget.value),children:s.map(i=>n("option",{value:i.name,children:i.name},i.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:i=>l(i.currentTarget.value),children:r.map(i=>n("option",{value:i.id,children:i.id},i.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(Xt,{spec:u}):null]})}const Cr=9e4,Tr=500,jr=20;function Rr(e,t,r){const s=4+e,a=s+2+(t?1+jr*s:0),o=Math.floor(Cr/a);return Math.max(5,Math.min(r?100:Tr,o))}function Mr(e,t){const{commit:r,...s}=e,a={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(a.children=r?.experiments?[...r.experiments]:[]),a}class Ar{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,a={branches:new Set,rows:new Set}){this.collapsedBranches=a.branches,this.collapsedRows=a.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const r={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Rr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},s=this.query.nested?await N(Fn,r):await N(Vn,r);if(this.isStopped())return;const a=s.node;if(!a||!("experiments"in a))throw new Error("the project is gone");const o=a.experiments,d=new Set(t.rows.map(l=>l.id));for(const l of o.nodes)d.has(l.id)||t.rows.push(Mr(l,this.query.nested));t.total=Math.max(o.totalCount,t.rows.length),t.cursor=o.pageInfo.endCursor,t.hasNext=o.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(r){t.error=r instanceof Error?r.message:String(r),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.key==="detached"&&r.total===0||r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const a of r.rows)if(!(!this.includeHidden&&a.hidden)&&(t.push({t:"row",key:r.key+":"+a.id,row:a,seg:r,depth:0}),a.children&&!this.collapsedRows.has(a.id)))for(const o of a.children)!this.includeHidden&&o.hidden||t.push({t:"child",key:r.key+":"+a.id+":"+o.id,row:o,parent:a,depth:1});const s=r.total===null?1:r.error?0:r.total-r.rows.length;for(let a=0;a<s;a++)t.push({t:"more",key:`m:${r.key}:${a}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const a=r.rows[s];if(a&&(a.id===t&&(yield{list:r.rows,index:s}),a.children)){const o=a.children.findIndex(d=>d.id===t);o>=0&&(yield{list:a.children,index:o})}}}upsert(t,r){let s=!1;for(const{list:a,index:o}of this.places(t.id)){const d=a[o];d&&(a[o]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const o of this.segments)for(const d of o.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const a=this.segments.find(o=>o.key==="detached");return t.detached&&a?(a.rows.unshift({...t}),a.total=(a.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:a,index:o}of this.places(t)){const d=a[o];d&&(a[o]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const a=s.rows.length;s.rows=s.rows.filter(o=>o.id!==t),s.rows.length!==a&&(r=!0,s.total!==null&&(s.total-=a-s.rows.length));for(const o of s.rows)o.children?.some(d=>d.id===t)&&(o.children=o.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const Me=32,xt=12,Pr=60,Et=2500;function Nr(e,t,r){const s=we(t),a=(u,c,h,p)=>({key:u,label:c,branch:h,filter:p,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[a("all",null,null,s)];const o={...s,kinds:["COMMIT"]};if(s.detached===!0)return[a("detached","Detached runs",null,s)];if(s.branch)return[a("branch:"+s.branch,s.branch,s.branch,o)];if(s.onBranch)return[a("on:"+s.onBranch,`commits on ${s.onBranch}`,null,o)];if(s.tag)return[a("tag:"+s.tag,`tag ${s.tag}`,null,o)];const l=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>a("branch:"+u.name,u.name,u.name,{...o,branch:u.name}));return s.detached!==!1&&l.push(a("detached","Detached runs",null,{...s,detached:!0})),l}function Yt(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Ct=new WeakMap;function Tt(e){let t=Ct.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Ct.set(e,t)),t}async function jt(e,t){try{const s=(await N(Ln,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function Dr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function Hr(e){return(e??"").split(`
`,1)[0]??""}const qr=[36,250,124,120,120,240,140],Br=116,Or=84;function Lr(e){const t=[...qr,...e.map(()=>Br),Or];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,s)=>r+s,0)}}function Ur(e){fe(e.name);const[t,r]=w(null),[s,a]=w(!1),[o,d]=w(null),[l,u]=w(null),[c,h]=w(null),[,p]=w(0),[i,m]=w(new Set),[f,v]=w(null),[_,g]=w(null),[b,$]=w(!1),[k,T]=w(null),[D,J]=w(!1),X=me(new Map),Q=me({branches:new Set,rows:new Set}),B=ft(async()=>{try{const y=await N(On,{name:e.name,includeHidden:!0});return y.project?(r(y.project),y.project):(a(!0),null)}catch(y){return y instanceof ve&&(y.has("UNAUTHENTICATED")||y.has("FORBIDDEN")||y.has("NOT_FOUND"))?a(!0):d(y),null}},[e.name]);U(()=>{B().then(y=>{if(!y)return;const I=St(y),j=new URLSearchParams(location.search).get("view"),P=j?y.views.find(L=>L.name===j):void 0;if(!P){u(I);return}jt(y.id,P.name).then(L=>u($t(P,y,I,L)))})},[B]);const W=l?l.groupByBranch&&kt(l):!1,ue=l&&t?JSON.stringify([t.id,we(l),Re(l.sort),l.columns,W,t.branches]):null;U(()=>{if(!t||!l||ue===null)return;const y=new Ar({projectId:t.id,filter:we(l),orderBy:Re(l.sort),columns:l.columns,nested:W},Nr(t,l,W),()=>p(I=>I+1),Q.current);return h(y),()=>y.stop()},[ue]),U(()=>{c&&(c.includeHidden=!!l?.showHidden),c?.changed()},[c,l?.showHidden]),U(()=>{if(!c||!t)return;const y={projectId:t.id,columns:c.query.columns},I=Object.keys(c.query.filter).every(z=>z==="includeHidden"),j=c.query.nested||I&&c.query.orderBy===null,P=z=>{X.current.set(z,Date.now()+Et),setTimeout(()=>{const Y=X.current.get(z);Y!==void 0&&Y<=Date.now()&&(X.current.delete(z),c.changed())},Et+50)},L=Xe(Qn,y,z=>{const Y=z.experimentEvents;if(Y.change==="REMOVED"||!Y.experiment){c.remove(Y.experimentId);return}c.upsert(Y.experiment,j)&&P(Y.experimentId)}),ie=Xe(Kn,y,z=>{const Y=z.liveMetrics;c.upsert(Y.experiment,j)&&P(Y.experimentId)});return()=>{L(),ie()}},[c,t]);const S=l?.baselineId??null,E=l?JSON.stringify(l.columns):"";U(()=>{if(!S||!l)return;let y=!1;return N(Un,{id:S,columns:l.columns}).then(I=>{const j=I.node;if(y||!Dr(j))return;const P=j;u(L=>L&&L.baselineId===S?{...L,baseline:P}:L)}).catch(I=>v(I instanceof Error?I.message:String(I))),()=>{y=!0}},[S,E]);const C=ft(y=>{u(I=>I&&{...I,...y,view:"view"in y?y.view??null:I.view})},[]),x=l?.viewGoals,A=qe(()=>t&&l?yr(t,l):new Map,[t,x]);if(s)return n(zt,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(o)return n(Ie,{error:o});if(!t||!l||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const H=e.session!==null,O=async y=>{const I=t.views.find(L=>L.name===y),j=new URLSearchParams(location.search);if(I){const L=await jt(t.id,I.name);u($t(I,t,l,L)),j.set("view",I.name)}else u({...St(t),view:null}),j.delete("view");const P=j.toString();Ke(location.pathname+(P?"?"+P:""),!0)},M=async(y,I)=>{try{const j=await N(zn,{input:{projectId:t.id,name:y,shared:I,columns:l.columns,filter:we(l),order:Re(l.sort),baseline:l.baselineId,goals:Object.entries(l.viewGoals).map(([ie,z])=>({column:ie,goal:z})),includeHidden:l.showHidden}}),P=j.saveView.errors[0];if(P)return`${P.code}: ${P.message}`;const L=j.saveView.view;if(L){const ie=[...t.views.filter(Y=>Y.id!==L.id),L];r({...t,views:ie}),u({...l,view:L.name});const z=new URLSearchParams(location.search);z.set("view",L.name),Ke(location.pathname+"?"+z.toString(),!0)}return null}catch(j){return j instanceof Error?j.message:String(j)}},ne=async()=>{try{for(const[y,I]of Object.entries(l.viewGoals)){const P=(await N(Xn,{input:{projectId:t.id,column:y,goal:I}})).setColumnGoal.errors[0];if(P){v(`${P.code}: ${P.message}`);return}}await B(),v("Goals saved for the project")}catch(y){v(y instanceof Error?y.message:String(y))}},le=async y=>{try{const j=(await N(Jn,{input:{id:y.id}})).deleteView.errors[0];return j?`${j.code}: ${j.message}`:(r({...t,views:t.views.filter(P=>P.id!==y.id)}),await O(null),`Deleted “${y.name}”`)}catch(I){return I instanceof Error?I.message:String(I)}},oe=async(y,I,j)=>{try{const P={input:{projectId:t.id,ids:y,branches:I},columns:c.query.columns},L=j?(await N(Wn,P)).unhideRows:(await N(Gn,P)).hideRows,ie=L.errors[0];if(ie){v(`${ie.code}: ${ie.message}`);return}for(const z of L.experiments)c.patch(z.id,{hidden:z.hidden,autoHidden:z.autoHidden});I.length&&await B(),m(new Set),v(`${j?"Shown":"Hidden"}: ${y.length+I.length}`)}catch(P){v(P instanceof Error?P.message:String(P))}},Z=[...i].map(y=>c.find(y)).filter(y=>y!==null),F=kt(l);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",se(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:br(t.databaseId,l),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Sr,{views:t.views,current:l.view,signedIn:H,pick:y=>{O(y)},save:M,remove:le}),n(vr,{project:t,state:l,update:C}),n(wr,{project:t,state:l,update:C,saveProjectGoals:H?()=>{ne()}:void 0}),n("label",{title:F?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:l.groupByBranch&&F,disabled:!F,onChange:y=>C({groupByBranch:y.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:l.showHidden,onChange:y=>C({showHidden:y.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":b,onClick:()=>$(!b),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":D,onClick:()=>J(!D),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:l.deltas,disabled:!l.baseline,onChange:y=>C({deltas:y.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?n(re,{children:[n("button",{type:"button",disabled:!H,onClick:()=>{oe([...i],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!H,onClick:()=>{oe([...i],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:Z.length!==1,onClick:()=>C({baseline:Z[0]??null,baselineId:Z[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!H||Z.length!==1,onClick:()=>T(Z[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:i.size>100,onClick:()=>g([...i]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,l.baseline?n("button",{type:"button",onClick:()=>C({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),k?n($r,{projectId:t.id,rowId:k.id,label:Yt(k),onClose:()=>T(null)}):null,D?n(Ir,{projectId:t.id,onClose:()=>J(!1)}):null,b?n(Er,{project:t,onClose:()=>$(!1)}):null,_?n(hr,{projectId:t.id,ids:_,baselineId:l.baselineId,onClose:()=>g(null)}):null,n(Vr,{project:t,model:c,state:l,goals:A,selected:i,flash:X.current,signedIn:H,onSelect:(y,I)=>{const j=new Set(i);I?j.add(y):j.delete(y),m(j)},onSort:y=>{const I=l.sort,j=I?.key!==y?{key:y,direction:"DESC"}:I.direction==="DESC"?{key:y,direction:"ASC"}:null;C({sort:j})},onHide:(y,I)=>{oe([y.id],[],I)},onHideBranch:(y,I)=>{oe([],[y],I)}})]})}function Vr(e){const{model:t,state:r}=e,s=me(null),[a,o]=w(0),[d,l]=w(600),u=t.items(),{grid:c,width:h}=qe(()=>Lr(r.columns),[r.columns]);U(()=>{const g=s.current;if(!g)return;const b=new ResizeObserver(()=>l(g.clientHeight));return b.observe(g),l(g.clientHeight),()=>b.disconnect()},[]),U(()=>{s.current&&(s.current.scrollTop=0),o(0)},[t]);const p=Math.max(0,Math.floor(a/Me)-xt),i=Math.min(u.length,Math.ceil((a+d)/Me)+xt);U(()=>{const g=new Set,b=Math.min(u.length,i+Pr);for(let $=p;$<b;$++){const k=u[$];k?.t==="more"&&!k.seg.loading&&g.add(k.seg)}for(const $ of g)t.load($)});const m=r.baseline?2:1,f=[];for(let g=p;g<i;g++){const b=u[g];b&&f.push(n(Fr,{item:b,index:g,rowIndex:g+m+1,...e},b.key))}const v=g=>r.sort?.key===g?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(g,b,$,k="")=>n("div",{role:"columnheader",class:`th ${k}`,"aria-sort":v(g),"data-testid":"column-header","data-column":g,children:n("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(g),children:[n("span",{children:b}),n("span",{class:"arrow","aria-hidden":"true",children:v(g)==="ascending"?"▲":v(g)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:g=>o(g.currentTarget.scrollTop),style:{"--grid":c,"--table-w":`${h}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),gr.map(g=>_("field:"+g.field,g.label,`Sort by ${g.label.toLowerCase()}`)),r.columns.map(g=>{const b=e.goals.get(g);return _(g,je(g),`${g}${b?` (${b.toLowerCase()} is better)`:""}`,g.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(Zt,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*Me}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function Fr(e){const{item:t}=e,r={transform:`translateY(${e.index*Me}px)`};if(t.t==="branch"){const s=t.seg,a=e.model.collapsedBranches.has(s.key),o=s.total===null?"…":String(s.total),d=e.project.branches.some(l=>l.name===s.branch&&l.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{a?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:a?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[o," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(Zt,{...e,row:t.row,depth:t.depth,style:r})}class Zt extends be{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),Gr(this.props)}}function Gr(e){const{row:t,state:r,model:s}=e,a=Yt(t),o=Tt(t),d=r.baseline?Tt(r.baseline):null,l=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),c=s.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:p=>e.onSelect(t.id,p.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!c,"aria-label":`${c?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{c?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:c?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),l?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(p=>n("span",{class:"chip tag",children:p},p))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:Hr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:se(t.committedAt??t.createdAt),children:se(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(p=>{const i=o.get(p),m=d?.get(p);let f=Oe(i),v="td num",_;if(d&&!l&&typeof i=="number"&&typeof m=="number"){const g=i-m;r.deltas&&(f=Ye(g));const b=e.goals.get(p);if(b&&g!==0){const $=b==="HIGHER"?g>0:g<0;v+=$?" better":" worse",_=`${$?"better":"worse"} than the baseline (${Ye(g)})`}}return n("div",{role:"cell",class:v,title:_,"data-column":p,children:f},p)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function Wr(e){fe(e.model);const[t,r]=w(null),[s,a]=w(""),[o,d]=w(null),[l,u]=w(!1),[c,h]=w(null),[p,i]=w(null),[m,f]=w(!1),[v,_]=w(""),[g,b]=w(""),[$,k]=w(""),[T,D]=w(""),[J,X]=w("");if(U(()=>{N(Cn,{project:e.project,model:e.model}).then(S=>{if(!S.project?.model){u(!0);return}r(S.project.id),a(S.project.defaultBranch??""),d(S.project.model)}).catch(S=>{S instanceof ve&&S.has("UNAUTHENTICATED")?u(!0):h(S)})},[e.project,e.model]),l)return n(zt,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(c)return n(Ie,{error:c});if(!o||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const Q=async(S,E)=>{f(!0);try{const C=await S(),x=C.errors[0];x?i(`${x.code}: ${x.message}`):(C.model&&d(C.model),i(`${E}${C.tag?` (tag ${C.tag})`:""}`))}catch(C){i(C instanceof Error?C.message:String(C))}finally{f(!1)}},B={projectId:t,model:o.name},W=o.versions.filter(S=>S.registered),ue=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Be(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[o.name," ",o.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[o.type??"model"," · ",o.path??"no path"," ",o.declaredIn?`· declared in ${o.declaredIn}`:""," · latest"," ",o.latestVersion?.version??"none"]}),o.description?n("p",{children:o.description}):null,o.registryError?n("div",{class:"notice error",children:o.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),o.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:o.stages.map(S=>n("li",{"data-stage":S.stage,children:[n("strong",{children:S.stage}),": ",S.versions.map(E=>E.version).join(", ")]},S.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:o.versions.map(S=>n("tr",{"data-testid":"version","data-version":S.version,children:[n("th",{scope:"row",children:S.version}),n("td",{children:n("code",{children:S.commit.slice(0,7)})}),n("td",{children:S.stages.join(", ")}),n("td",{children:S.author}),n("td",{children:se(S.createdAt)}),n("td",{children:S.active?"active":S.registered?"deregistered":"unregistered"})]},S.version))})]}),ue?n("div",{class:"registry-forms",children:[n("form",{onSubmit:S=>{S.preventDefault(),Q(async()=>(await N(Tn,{input:{...B,rev:v.trim()||s,version:g.trim()||null,bump:$||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:v,placeholder:s,onInput:S=>_(S.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:g,placeholder:"v1.2.3 (or bump)",onInput:S=>b(S.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:$,onChange:S=>k(S.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:m,children:"Register"})]})}),n("form",{onSubmit:S=>{S.preventDefault();const E={...B,version:T||(W[0]?.version??""),stage:J.trim()};Q(async()=>(await N(jn,{input:E})).assignStage,`Assigned ${E.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:T,onChange:S=>D(S.currentTarget.value),"data-testid":"stage-version",children:W.map(S=>n("option",{value:S.version,children:S.version},S.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:J,required:!0,onInput:S=>X(S.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:m||W.length===0,children:"Assign"}),n("button",{type:"button",disabled:m||W.length===0||!J.trim(),onClick:()=>{const S={...B,version:T||(W[0]?.version??""),stage:J.trim()};Q(async()=>(await N(Rn,{input:S})).unassignStage,`Unassigned ${S.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:m||o.deprecated,onClick:()=>{confirm(`Deprecate ${o.name}? A new registry tag revives it.`)&&Q(async()=>(await N(Mn,{input:B})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:o.history.map(S=>n("tr",{children:[n("td",{children:se(S.createdAt)}),n("td",{children:S.kind.toLowerCase()}),n("td",{children:S.version??""}),n("td",{children:S.stage??""}),n("td",{children:S.author}),n("td",{children:n("code",{children:S.tag})})]},S.tag+S.kind))})]})]})}function zr(e,t){return`${Be(e)}/models/${encodeURIComponent(t)}`}function Jr(e){fe("Models");const[t,r]=w(null),[s,a]=w(0),[o,d]=w(null),[l,u]=w(""),[c,h]=w(null),p=async(i,m)=>{try{const f=await N(An,{after:i,filter:m?{name:m}:null});r(v=>[...i&&v?v:[],...f.models.nodes]),a(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return U(()=>{const i=setTimeout(()=>{p(null,l.trim())},l?250:0);return()=>clearTimeout(i)},[l]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:l,onInput:i=>u(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(Ie,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"model","data-model":i.name,children:[n("th",{scope:"row",children:[i.project?n("a",{href:zr(i.project.name,i.name),children:i.name}):i.name,i.deprecated?n("span",{class:"chip",children:" deprecated"}):null,i.description?n("div",{class:"muted small",children:i.description}):null,i.registryError?n("div",{class:"sync-error",children:i.registryError.message}):null]}),n("td",{children:i.project?n("a",{href:Be(i.project.name),children:i.project.name}):"—"}),n("td",{children:i.latestVersion?n(re,{children:[i.latestVersion.version," ",n("span",{class:"muted small",children:se(i.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:i.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),o?n("button",{type:"button",onClick:()=>{p(o,l.trim())},children:"More models"}):null]})}const Xr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Qr(e){fe("Access tokens");const[t,r]=w(null),[s,a]=w(null),[o,d]=w(""),[l,u]=w(new Set(["READ","EXPERIMENTS"])),[c,h]=w(null),[p,i]=w(null),m=async()=>{try{const _=await N(Yn,{});r(_.me.tokens)}catch(_){a(_)}};if(U(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:$e(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{h(null);try{const _=await N(Zn,{input:{name:o.trim(),scopes:[...l]}}),g=_.createAccessToken.errors[0];if(g){i(`${g.code}: ${g.message}`);return}h(_.createAccessToken.token??null),i(null),d(""),await m()}catch(_){i(_ instanceof Error?_.message:String(_))}},v=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const b=(await N(er,{id:_.id})).revokeAccessToken.errors[0];i(b?`${b.code}: ${b.message}`:`Revoked “${_.name}”`),await m()}catch(g){i(g instanceof Error?g.message:String(g))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(Ie,{error:s}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:o,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),Xr.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:l.has(_),onChange:g=>{const b=new Set(l);g.currentTarget.checked?b.add(_):b.delete(_),u(b)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!o.trim()||l.size===0,children:"Create token"})]}),c?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:c})]})}):null,p?n("p",{class:"muted",role:"status",children:p}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:se(_.createdAt)}),n("td",{children:se(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{v(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]})]})}function Kr(e,t){if(e==="/"||e==="")return n(sr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[a,o]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(Wr,{project:a,model:o,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const a=decodeURIComponent(s[1]);return n(Ur,{name:a,session:t},a)}return e==="/models"?n(Jr,{session:t}):e==="/settings/tokens"?n(Qr,{session:t}):n(nr,{})}function Yr(){const e=Sn(),[t,r]=w({loaded:!1});U(()=>{bn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,a=/^\/projects\/[^/]+\/models\//.test(e.path),o=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!a?"page":void 0:d==="/models"?e.path==="/models"||a?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(re,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":o("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":o("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":o("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(re,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{vn().then(()=>{location.assign($e("/"))})},children:"Sign out"})]}):n("a",{href:$e(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?Kr(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const Ge=document.getElementById("app");Ge&&($n(Ge),ln(n(Yr,{}),Ge));
