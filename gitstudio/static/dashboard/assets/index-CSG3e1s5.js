const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Me,P,It,re,Ze,xt,Et,Ne,ve,he,Tt,We,Le,Be,Ee={},Te=[],zt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ae=Array.isArray;function te(e,t){for(var r in t)e[r]=t[r];return e}function ze(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Jt(e,t,r){var o,a,i,d={};for(i in t)i=="key"?o=t[i]:i=="ref"?a=t[i]:d[i]=t[i];if(arguments.length>2&&(d.children=arguments.length>3?Me.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(i in e.defaultProps)d[i]===void 0&&(d[i]=e.defaultProps[i]);return Se(e,d,o,a,null)}function Se(e,t,r,o,a){var i={type:e,props:t,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++It,__i:-1,__u:0};return a==null&&P.vnode!=null&&P.vnode(i),i}function ee(e){return e.children}function pe(e,t){this.props=e,this.context=t}function ie(e,t){if(t==null)return e.__?ie(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ie(e):null}function Xt(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,o=[],a=[],i=te({},t);i.__v=t.__v+1,P.vnode&&P.vnode(i),Je(e.__P,i,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,o,r??ie(t),!!(32&t.__u),a),i.__v=t.__v,i.__.__k[i.__i]=i,Rt(o,i,a),t.__e=t.__=null,i.__e!=r&&Ct(i)}}function Ct(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Ct(e)}function et(e){(!e.__d&&(e.__d=!0)&&re.push(e)&&!Ce.__r++||Ze!=P.debounceRendering)&&((Ze=P.debounceRendering)||xt)(Ce)}function Ce(){try{for(var e,t=1;re.length;)re.length>t&&re.sort(Et),e=re.shift(),t=re.length,Xt(e)}finally{re.length=Ce.__r=0}}function Mt(e,t,r,o,a,i,d,c,u,l,h){var p,s,m,f,b,_,g=o&&o.__k||Te,y=t.length;for(u=Qt(r,t,g,u,y),p=0;p<y;p++)(m=r.__k[p])!=null&&(s=m.__i!=-1&&g[m.__i]||Ee,m.__i=p,_=Je(e,m,s,a,i,d,c,u,l,h),f=m.__e,m.ref&&s.ref!=m.ref&&(s.ref&&Xe(s.ref,null,m),h.push(m.ref,m.__c||f,m)),b==null&&f!=null&&(b=f),4&m.__u?(u=At(m,u,e),s.__e&&(s.__e=null)):typeof m.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),m.__u&=-7);return r.__e=b,u}function Qt(e,t,r,o,a){var i,d,c,u,l,h=r.length,p=h,s=0;for(e.__k=new Array(a),i=0;i<a;i++)(d=t[i])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[i]=Se(null,d,null,null,null):Ae(d)?d=e.__k[i]=Se(ee,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[i]=Se(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[i]=d,u=i+s,d.__=e,d.__b=e.__b+1,c=null,(l=d.__i=Kt(d,r,u,p))!=-1&&(p--,(c=r[l])&&(c.__u|=2)),c==null||c.__v==null?(l==-1&&(a>h?s--:a<h&&s++),typeof d.type!="function"&&(d.__u|=4)):l!=u&&(l==u-1?s--:l==u+1?s++:(l>u?s--:s++,d.__u|=4))):e.__k[i]=null;if(p)for(i=0;i<h;i++)(c=r[i])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=ie(c)),Pt(c,c));return o}function At(e,t,r){var o,a;if(typeof e.type=="function"){for(o=e.__k,a=0;o&&a<o.length;a++)o[a]&&(o[a].__=e,t=At(o[a],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ie(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Kt(e,t,r,o){var a,i,d,c=e.key,u=e.type,l=t[r],h=l!=null&&(2&l.__u)==0;if(l===null&&c==null||h&&c==l.key&&u==l.type)return r;if(o>(h?1:0)){for(a=r-1,i=r+1;a>=0||i<t.length;)if((l=t[d=a>=0?a--:i++])!=null&&(2&l.__u)==0&&c==l.key&&u==l.type)return d}return-1}function tt(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||zt.test(t)?r:r+"px"}function we(e,t,r,o,a){var i,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)r&&t in r||tt(e.style,t,"");if(r)for(t in r)o&&r[t]==o[t]||tt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")i=t!=(t=t.replace(Tt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+i]=r,r?o?r[he]=o[he]:(r[he]=We,e.addEventListener(t,i?Be:Le,i)):e.removeEventListener(t,i?Be:Le,i);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function nt(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[ve]==null)t[ve]=We++;else if(t[ve]<r[he])return;return r(P.event?P.event(t):t)}}}function Je(e,t,r,o,a,i,d,c,u,l){var h,p,s,m,f,b,_,g,y,I,H,U,V,X,Q,J,G=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),i=[c=t.__e=r.__e]),(h=P.__b)&&h(t);e:if(typeof G=="function"){p=d.length;try{if(y=t.props,I=G.prototype&&G.prototype.render,H=(h=G.contextType)&&o[h.__c],U=h?H?H.props.value:h.__:o,r.__c?g=(s=t.__c=r.__c).__=s.__E:(I?t.__c=s=new G(y,U):(t.__c=s=new pe(y,U),s.constructor=G,s.render=Zt),H&&H.sub(s),s.state||(s.state={}),s.__n=o,m=s.__d=!0,s.__h=[],s._sb=[]),I&&s.__s==null&&(s.__s=s.state),I&&G.getDerivedStateFromProps!=null&&(s.__s==s.state&&(s.__s=te({},s.__s)),te(s.__s,G.getDerivedStateFromProps(y,s.__s))),f=s.props,b=s.state,s.__v=t,m)I&&G.getDerivedStateFromProps==null&&s.componentWillMount!=null&&s.componentWillMount(),I&&s.componentDidMount!=null&&s.__h.push(s.componentDidMount);else{if(I&&G.getDerivedStateFromProps==null&&y!==f&&s.componentWillReceiveProps!=null&&s.componentWillReceiveProps(y,U),t.__v==r.__v||!s.__e&&s.shouldComponentUpdate!=null&&s.shouldComponentUpdate(y,s.__s,U)===!1){t.__v!=r.__v&&(s.props=y,s.state=s.__s,s.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(O){O&&(O.__=t)}),Te.push.apply(s.__h,s._sb),s._sb=[],s.__h.length&&d.push(s),c=ie(r);break e}s.componentWillUpdate!=null&&s.componentWillUpdate(y,s.__s,U),I&&s.componentDidUpdate!=null&&s.__h.push(function(){s.componentDidUpdate(f,b,_)})}if(s.context=U,s.props=y,s.__P=e,s.__e=!1,V=P.__r,X=0,I)s.state=s.__s,s.__d=!1,V&&V(t),h=s.render(s.props,s.state,s.context),Te.push.apply(s.__h,s._sb),s._sb=[];else do s.__d=!1,V&&V(t),h=s.render(s.props,s.state,s.context),s.state=s.__s;while(s.__d&&++X<25);s.state=s.__s,s.getChildContext!=null&&(o=te(te({},o),s.getChildContext())),I&&!m&&s.getSnapshotBeforeUpdate!=null&&(_=s.getSnapshotBeforeUpdate(f,b)),Q=h!=null&&h.type===ee&&h.key==null?Nt(h.props.children):h,c=Mt(e,Ae(Q)?Q:[Q],t,r,o,a,i,d,c,u,l),s.base=t.__e,t.__u&=-161,s.__h.length&&d.push(s),g&&(s.__E=s.__=null)}catch(O){if(d.length=p,t.__v=null,u||i!=null){if(O.then){for(t.__u|=u?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;i!=null&&(i[i.indexOf(c)]=null),t.__e=c}else if(i!=null)for(J=i.length;J--;)ze(i[J])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),O.then||jt(t),P.__e(O,t,r)}}else i==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):c=t.__e=Yt(r.__e,t,r,o,a,i,d,u,l);return(h=P.diffed)&&h(t),128&t.__u?void 0:c}function jt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(jt))}function Rt(e,t,r){for(var o=0;o<r.length;o++)Xe(r[o],r[++o],r[++o]);P.__c&&P.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(i){i.call(a)})}catch(i){P.__e(i,a.__v)}})}function Nt(e){return typeof e!="object"||e==null||e.__b>0?e:Ae(e)?e.map(Nt):e.constructor!==void 0?null:te({},e)}function Yt(e,t,r,o,a,i,d,c,u){var l,h,p,s,m,f,b,_=r.props||Ee,g=t.props,y=t.type;if(y=="svg"?a="http://www.w3.org/2000/svg":y=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),i!=null){for(l=0;l<i.length;l++)if((m=i[l])&&"setAttribute"in m==!!y&&(y?m.localName==y:m.nodeType==3)){e=m,i[l]=null;break}}if(e==null){if(y==null)return document.createTextNode(g);e=document.createElementNS(a,y,g.is&&g),c&&(P.__m&&P.__m(t,i),c=!1),i=null}if(y==null)_===g||c&&e.data==g||(e.data=g);else{if(i=y=="textarea"&&g.defaultValue!=null?null:i&&Me.call(e.childNodes),!c&&i!=null)for(_={},l=0;l<e.attributes.length;l++)_[(m=e.attributes[l]).name]=m.value;for(l in _)m=_[l],l=="dangerouslySetInnerHTML"?p=m:l=="children"||l in g||l=="value"&&"defaultValue"in g||l=="checked"&&"defaultChecked"in g||we(e,l,null,m,a);for(l in g)m=g[l],l=="children"?s=m:l=="dangerouslySetInnerHTML"?h=m:l=="value"?f=m:l=="checked"?b=m:c&&typeof m!="function"||_[l]===m||we(e,l,m,_[l],a);if(h)c||p&&(h.__html==p.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(p&&(e.innerHTML=""),Mt(t.type=="template"?e.content:e,Ae(s)?s:[s],t,r,o,y=="foreignObject"?"http://www.w3.org/1999/xhtml":a,i,d,i?i[0]:r.__k&&ie(r,0),c,u),i!=null)for(l=i.length;l--;)ze(i[l]);c&&y!="textarea"||(l="value",y=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[l]||y=="progress"&&!f||y=="option"&&f!=_[l])&&we(e,l,f,_[l],a),l="checked",b!=null&&b!=e[l]&&we(e,l,b,_[l],a))}return e}function Xe(e,t,r){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(a){P.__e(a,r)}}function Pt(e,t,r){var o,a;if(P.unmount&&P.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Xe(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(i){P.__e(i,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(a=0;a<o.length;a++)o[a]&&Pt(o[a],t,r||typeof e.type!="function");r||ze(e.__e),e.__c=e.__=e.__e=void 0}function Zt(e,t,r){return this.constructor(e,r)}function en(e,t,r){var o,a,i,d;t==document&&(t=document.documentElement),P.__&&P.__(e,t),a=(o=!1)?null:t.__k,i=[],d=[],Je(t,e=t.__k=Jt(ee,null,[e]),a||Ee,Ee,t.namespaceURI,a?null:t.firstChild?Me.call(t.childNodes):null,i,a?a.__e:t.firstChild,o,d),Rt(i,e,d),e.props.children=null}Me=Te.slice,P={__e:function(e,t,r,o){for(var a,i,d;t=t.__;)if((a=t.__c)&&!a.__)try{if((i=a.constructor)&&i.getDerivedStateFromError!=null&&(a.setState(i.getDerivedStateFromError(e)),d=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,o||{}),d=a.__d),d)return a.__E=a}catch(c){e=c}throw e}},It=0,pe.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=te({},this.state),typeof e=="function"&&(e=e(te({},r),this.props)),e&&te(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),et(this))},pe.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),et(this))},pe.prototype.render=ee,re=[],xt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Et=function(e,t){return e.__v.__b-t.__v.__b},Ce.__r=0,Ne=Math.random().toString(8),ve="__d"+Ne,he="__a"+Ne,Tt=/(PointerCapture)$|Capture$/i,We=0,Le=nt(!1),Be=nt(!0);var tn=0;function n(e,t,r,o,a,i){t||(t={});var d,c,u=t;if("ref"in u)for(c in u={},t)c=="ref"?d=t[c]:u[c]=t[c];var l={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--tn,__i:-1,__u:0,__source:a,__self:i};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)u[c]===void 0&&(u[c]=d[c]);return P.vnode&&P.vnode(l),l}var ge,q,Pe,rt,_e=0,Dt=[],W=P,ot=W.__b,st=W.__r,it=W.diffed,at=W.__c,lt=W.unmount,ct=W.__;function Qe(e,t){W.__h&&W.__h(q,e,_e||t),_e=0;var r=q.__H||(q.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function S(e){return _e=1,nn(Ot,e)}function nn(e,t,r){var o=Qe(ge++,2);if(o.t=e,!o.__c&&(o.__=[Ot(void 0,t),function(c){var u=o.__N?o.__N[0]:o.__[0],l=o.t(u,c);u!==l&&(o.__N=[l,o.__[1]],o.__c.setState({}))}],o.__c=q,!q.__f)){var a=function(c,u,l){if(!o.__c.__H)return!0;var h=!1,p=o.__c.props!==c;if(o.__c.__H.__.some(function(m){if(m.__N){h=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(p=!0)}}),i){var s=i.call(this,c,u,l);return h?s||p:s}return!h||p};q.__f=!0;var i=q.shouldComponentUpdate,d=q.componentWillUpdate;q.componentWillUpdate=function(c,u,l){if(this.__e){var h=i;i=void 0,a(c,u,l),i=h}d&&d.call(this,c,u,l)},q.shouldComponentUpdate=a}return o.__N||o.__}function z(e,t){var r=Qe(ge++,3);!W.__s&&Ht(r.__H,t)&&(r.__=e,r.u=t,q.__H.__h.push(r))}function le(e){return _e=5,je(function(){return{current:e}},[])}function je(e,t){var r=Qe(ge++,7);return Ht(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function dt(e,t){return _e=8,je(function(){return e},t)}function rn(){for(var e;e=Dt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ke),t.__h.some(Ue),t.__h=[]}catch(r){t.__h=[],W.__e(r,e.__v)}}}W.__b=function(e){q=null,ot&&ot(e)},W.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ct&&ct(e,t)},W.__r=function(e){st&&st(e),ge=0;var t=(q=e.__c).__H;t&&(Pe===q?(t.__h=[],q.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(ke),t.__h.some(Ue),t.__h=[],ge=0)),Pe=q},W.diffed=function(e){it&&it(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Dt.push(t)!==1&&rt===W.requestAnimationFrame||((rt=W.requestAnimationFrame)||on)(rn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Pe=q=null},W.__c=function(e,t){t.some(function(r){try{r.__h.some(ke),r.__h=r.__h.filter(function(o){return!o.__||Ue(o)})}catch(o){t.some(function(a){a.__h&&(a.__h=[])}),t=[],W.__e(o,r.__v)}}),at&&at(e,t)},W.unmount=function(e){lt&&lt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(o){try{ke(o)}catch(a){t=a}}),r.__H=void 0,t&&W.__e(t,r.__v))};var ut=typeof requestAnimationFrame=="function";function on(e){var t,r=function(){clearTimeout(o),ut&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(r,35);ut&&(t=requestAnimationFrame(r))}function ke(e){var t=q,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),q=t}function Ue(e){var t=q;e.__c=e.__(),q=t}function Ht(e,t){return!e||e.length!==t.length||t.some(function(r,o){return r!==e[o]})}function Ot(e,t){return typeof t=="function"?t(e):t}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function se(e){return K(e)==="object"}function sn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function ht(e,t){return e.length<124?e:t}const an="graphql-transport-ws";var Y=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Y||{}),Z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Z||{});function Lt(e){if(!se(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!se(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!se(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!sn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function ln(e,t){return Lt(typeof e=="string"?JSON.parse(e,t):e)}function de(e,t){return Lt(e),JSON.stringify(e,t)}function cn(e){const{url:t,connectionParams:r,lazy:o=!0,onNonLazyError:a=console.error,lazyCloseTimeout:i=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:u=0,retryAttempts:l=5,retryWait:h=async function(T){const x=Math.pow(2,T);await new Promise(j=>setTimeout(j,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:p=De,on:s,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,T=>{const x=Math.random()*16|0;return(T=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:b,jsonMessageReviver:_}=e;let g;if(m){if(!un(m))throw new Error("Invalid WebSocket implementation provided");g=m}else typeof WebSocket<"u"?g=WebSocket:typeof global<"u"?g=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(g=window.WebSocket||window.MozWebSocket);if(!g)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const y=g,I=(()=>{const $=(()=>{const x={};return{on(j,D){return x[j]=D,()=>{delete x[j]}},emit(j){"id"in j&&x[j.id]?.(j)}}})(),T={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[$.emit,s.message]:[$.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:$.on,on(x,j){const D=T[x];return D.push(j),()=>{const L=D.indexOf(j);L>-1&&D.splice(L,1)}},emit(x,...j){for(const D of[...T[x]])D(...j)}}})();function H($){const T=[I.on("error",x=>{T.forEach(j=>j()),$(x)}),I.on("closed",x=>{T.forEach(j=>j()),$(x)})];return()=>T.forEach(x=>x())}let U,V=0,X,Q=!1,J=0,G=!1;async function O(){clearTimeout(X);const[$,T]=await(U??(U=new Promise((D,L)=>(async()=>{if(Q){if(await h(J),!V)return U=void 0,L({code:1e3,reason:"All Subscriptions Gone"});J++}I.emit("connecting",Q);const M=new y(typeof t=="function"?await t():t,an);let w,k;function C(){isFinite(d)&&d>0&&(clearTimeout(k),k=setTimeout(()=>{M.readyState===y.OPEN&&(M.send(de({type:Z.Ping})),I.emit("ping",!1,void 0))},d))}H(E=>{U=void 0,clearTimeout(w),clearTimeout(k),L(E),E instanceof pt&&(M.close(4499,"Terminated"),M.onerror=null,M.onclose=null)}),M.onerror=E=>I.emit("error",E),M.onclose=E=>I.emit("closed",E),M.onopen=async()=>{try{I.emit("opened",M);const E=typeof r=="function"?await r():r;if(M.readyState!==y.OPEN)return;M.send(de(E?{type:Z.ConnectionInit,payload:E}:{type:Z.ConnectionInit},b)),isFinite(u)&&u>0&&(w=setTimeout(()=>{M.close(Y.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),C()}catch(E){I.emit("error",E),M.close(Y.InternalClientError,ht(E instanceof Error?E.message:String(E),"Internal client error"))}};let R=!1;M.onmessage=({data:E})=>{try{const A=ln(E,_);if(I.emit("message",A),A.type==="ping"||A.type==="pong"){I.emit(A.type,!0,A.payload),A.type==="pong"?C():c||(M.send(de(A.payload?{type:Z.Pong,payload:A.payload}:{type:Z.Pong},b)),I.emit("pong",!1,A.payload));return}if(R)return;if(A.type!==Z.ConnectionAck)throw new Error(`First message cannot be of type ${A.type}`);clearTimeout(w),R=!0,I.emit("connected",M,A.payload,Q),Q=!1,J=0;const B=new Promise((Ye,Wt)=>H(Wt));B.catch(()=>{}),D([M,B])}catch(A){M.onmessage=null,I.emit("error",A),M.close(Y.BadResponse,ht(A instanceof Error?A.message:String(A),"Bad response"))}}})())));$.readyState===y.CLOSING&&await T;let x=()=>{};const j=new Promise(D=>x=D);return[$,x,new Promise((D,L)=>{const M=H(L);$.readyState!==y.OPEN&&T.catch(L),j.then(()=>{if(M(),!V){const w=()=>$.close(1e3,"Normal Closure");isFinite(i)&&i>0?(clearTimeout(X),X=setTimeout(()=>{!V&&$.readyState===y.OPEN&&w()},i)):w()}D()})})]}function ae($){if(De($)&&(dn($.code)||[Y.InternalServerError,Y.InternalClientError,Y.BadRequest,Y.BadResponse,Y.Unauthorized,Y.SubprotocolNotAcceptable,Y.SubscriberAlreadyExists,Y.TooManyInitialisationRequests].includes($.code)))throw $;if(G)return!1;if(De($)&&$.code===1e3)return V>0;if(!l||J>=l||!p($))throw $;return Q=!0}o||(async()=>{for(V++;;)try{const[,,$]=await O();await $}catch($){try{if(!ae($))return}catch(T){return a?.(T)}}})();function v($,T){const x=f($);let j=!1,D=!1,L=()=>{V--,j=!0};return(async()=>{for(V++;;)try{const[M,w,k]=await O();if(j)return k.catch(()=>{}),w();const C=I.onMessage(x,R=>{switch(R.type){case Z.Next:{T.next(R.payload);return}case Z.Error:{D=!0,j=!0,T.error(R.payload),L();return}case Z.Complete:{j=!0,L();return}}});M.send(de({id:x,type:Z.Subscribe,payload:$},b)),L=()=>{!j&&M.readyState===y.OPEN&&M.send(de({id:x,type:Z.Complete},b)),V--,j=!0,w()},await k.finally(C);return}catch(M){if(!ae(M))return}})().then(()=>{D||T.complete()}).catch(M=>{T.error(M)}),()=>{j||L()}}return{on:I.on,subscribe:v,iterate($){const T=[],x={done:!1,error:null,resolve:()=>{}},j=v($,{next(L){T.push(L),x.resolve()},error(L){x.done=!0,x.error=L,x.resolve()},complete(){x.done=!0,x.resolve()}}),D=(async function*(){for(;;){for(T.length||await new Promise(M=>x.resolve=M);T.length;)yield T.shift();if(x.error)throw x.error;if(x.done)return}})();return D.throw=async L=>(x.done||(x.done=!0,x.error=L,x.resolve()),{done:!0,value:void 0}),D.return=async()=>(j(),{done:!0,value:void 0}),D},async dispose(){if(G=!0,U){const[$]=await U;$.close(1e3,"Normal Closure")}},terminate(){U&&I.emit("closed",new pt)}}}class pt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function De(e){return se(e)&&"code"in e&&"reason"in e}function dn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function un(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let oe=null;async function hn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return oe=null,null;const t=await e.json();return oe={user:t.user,admin:t.admin,csrfToken:t.csrf_token},oe}async function pn(){const e={Accept:"application/json"};oe&&(e["X-CSRF-Token"]=oe.csrfToken),await fetch("/logout",{method:"POST",headers:e}),oe=null}function ye(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class me extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function F(e,t,r){const o={"Content-Type":"application/json",Accept:"application/json"};oe&&(o["X-CSRF-Token"]=oe.csrfToken);const a={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},i=await fetch("/graphql",a);let d;try{d=await i.json()}catch{throw new me([{message:`HTTP ${i.status}`,code:i.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new me(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new me([{message:`HTTP ${i.status}`,code:null}]);return d.data}let He=null;function mn(){if(!He){const e=location.protocol==="https:"?"wss:":"ws:";He=cn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return He}function Ve(e,t,r,o){return mn().subscribe({query:e.toString(),variables:t},{next:a=>{a.data&&r(a.data)},error:a=>o?.(a),complete:()=>{}})}const Fe=new Set;function Bt(){for(const e of Fe)e()}window.addEventListener("popstate",Bt);function qe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Bt())}function fn(){const[,e]=S(0);return z(()=>{const t=()=>e(r=>r+1);return Fe.add(t),()=>{Fe.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const gn=["/graphql","/login","/logout","/api/"];function _n(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const a=new URL(o.href,location.href);a.origin===location.origin&&(gn.some(i=>a.pathname===i||a.pathname.startsWith(i))||(t.preventDefault(),qe(a.pathname+a.search)))})}function Re(e){return"/projects/"+encodeURIComponent(e)}function ne(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function mt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Ke(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Ge(e){const t=Ke(e);return e>0?"+"+t:t}function $e(e){return e.split(":").slice(2).join(":")||e}class N extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new N(`
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
    `,{fragmentName:"ModelFields"});new N(`
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
    `,{fragmentName:"RowFields"});new N(`
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
    `,{fragmentName:"ViewFields"});const yn=new N(`
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
    `),bn=new N(`
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
    `),wn=new N(`
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
    `),vn=new N(`
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
}`),Sn=new N(`
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
}`),kn=new N(`
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
}`),$n=new N(`
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
}`),In=new N(`
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
}`),xn=new N(`
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
    `),En=new N(`
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
    `),Tn=new N(`
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
}`),Cn=new N(`
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
    `),Mn=new N(`
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
}`),An=new N(`
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
}`),jn=new N(`
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
}`),Rn=new N(`
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
    `),Nn=new N(`
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
    `),Pn=new N(`
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
}`),Dn=new N(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new N(`
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
    `);const Hn=new N(`
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
}`),On=new N(`
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
}`),Ln=new N(`
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
    `),Bn=new N(`
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
    `),Un=new N(`
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
    `),Vn=new N(`
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
    `);function ce(e){z(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Fn(){return ce("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function Ut(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:ye(),children:"Sign in"})," to see it."]})})}function be(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const qn=15e3;function Gn(e){ce("Projects");const[t,r]=S(null),[o,a]=S(0),[i,d]=S(null),[c,u]=S(null);return z(()=>{let l=!1;const h=async()=>{try{const s=[];let m=null,f=0,b=!1;for(let _=0;_<20;_++){const g=await F(En,{after:m});if(s.push(...g.projects.nodes),f=g.projects.totalCount,b=g.projects.pageInfo.hasNextPage,m=g.projects.pageInfo.endCursor,!b)break}if(l)return;r(s),a(f),d(b?m:null),u(null)}catch(s){l||u(s)}};h();const p=setInterval(()=>{h()},qn);return()=>{l=!0,clearInterval(p)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),c?n(be,{error:c}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:ye("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ee,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[o," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(l=>n("tr",{"data-testid":"project","data-project":l.name,children:[n("th",{scope:"row",children:[n("a",{href:Re(l.name),children:l.name}),n("div",{class:"muted small",title:l.repoUrl,children:[l.visibility.toLowerCase()," · ",l.defaultBranch??"no default branch"]})]}),n("td",{title:ne(l.lastSyncedAt),children:mt(l.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${l.syncState.toLowerCase()}`,children:l.syncState.toLowerCase()}),l.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:l.lastSyncError}):null]}),n("td",{class:"num",children:l.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:l.rows.totalCount}),n("td",{"data-testid":"running",children:l.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[l.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",mt(h.lastEventAt)]},h.id)),l.running.totalCount>l.running.nodes.length?n("li",{class:"muted",children:["and ",l.running.totalCount-l.running.nodes.length," more"]}):null]})})]},l.id))})]}),i?n("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Wn=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),zn=function(e){return"/"+e},ft={},gt=function(t,r,o){let a=Promise.resolve();if(r&&r.length>0){let l=function(h){return Promise.all(h.map(p=>Promise.resolve(p).then(s=>({status:"fulfilled",value:s}),s=>({status:"rejected",reason:s}))))};var d=l;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),u=c?.nonce||c?.getAttribute("nonce");a=l(r.map(h=>{if(h=zn(h),h in ft)return;ft[h]=!0;const p=h.endsWith(".css"),s=p?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${s}`))return;const m=document.createElement("link");if(m.rel=p?"stylesheet":Wn,p||(m.as="script"),m.crossOrigin="",m.href=h,u&&m.setAttribute("nonce",u),document.head.appendChild(m),p)return new Promise((f,b)=>{m.addEventListener("load",f),m.addEventListener("error",()=>b(new Error(`Unable to preload CSS for ${h}`)))})}))}function i(c){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=c,window.dispatchEvent(u),!u.defaultPrevented)throw c}return a.then(c=>{for(const u of c||[])u.status==="rejected"&&i(u.reason);return t().catch(i)})};async function Vt(e,t){const[{default:r},{expressionInterpreter:o}]=await Promise.all([gt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),gt(()=>import("./vega-interpreter-BmnYaw1U.js").then(i=>i.v),[])]),a=await r(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>a.finalize(),insert:async(i,d)=>{await a.view.insert(i,d).runAsync()}}}function Jn(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const Xn=12,Qn=500;function Kn(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,Xn),r=le(new Map),o=e.rows.map(d=>d.id).join(","),[a,i]=S(0);return z(()=>{if(a<t.length||t.length===0)return;const d=[];for(const c of e.rows.filter(u=>u.live)){let u=-1;for(const l of r.current.values())u=Math.max(u,l.lastStep(c.label));d.push(Ve(wn,{projectId:e.projectId,experimentId:c.id,sinceStep:u>=0?u:null},l=>{const h=l.liveMetrics;if(!(h.type!=="DATA"||h.step===null||typeof h.metrics!="object"||!h.metrics))for(const[p,s]of Object.entries(h.metrics))typeof s=="number"&&r.current.get(p)?.append({rev:c.label,step:h.step,value:s})}))}return()=>{for(const c of d)c()}},[o,a,t.length,e.projectId]),t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>n(Yn,{name:d,rows:e.rows.filter(c=>c.metricNames.includes(d)),register:c=>{r.current.set(d,c),i(u=>u+1)}},`${o}:${d}`))})}function Yn(e){const t=le(null),[r,o]=S(0),[a,i]=S(null);return z(()=>{const d=t.current;if(!d)return;const c={stopped:!1},u=()=>c.stopped;let l=null;const h=new Map;let p=0;return(async()=>{const f=(await Promise.all(e.rows.map(async b=>{const g=(await F(bn,{id:b.id,name:e.name,maxPoints:Qn})).node,y=g&&"metricHistory"in g?g.metricHistory:null,I=[];return y&&y.steps.forEach((H,U)=>{const V=y.values[U];typeof V=="number"&&I.push({rev:b.label,step:H,value:V})}),I}))).flat();for(const b of f)h.set(b.rev,Math.max(h.get(b.rev)??-1,b.step));if(!u()){if(l=await Vt(d,Jn(e.name,f)),u()){l.finalize();return}p=f.length,o(p),e.register({lastStep:b=>h.get(b)??-1,append:b=>{(h.get(b.rev)??-1)>=b.step||(h.set(b.rev,b.step),p+=1,o(p),l?.insert("points",[b]))}})}})().catch(m=>i(m instanceof Error?m.message:String(m))),()=>{c.stopped=!0,l?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),a?n("p",{class:"sync-error",children:a}):null]})}function Zn(e){const[t,r]=S(null),[o,a]=S(null),[i,d]=S(!0),c=e.ids.join(",");z(()=>{let h=!1;return r(null),F(yn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const s=p.node;!h&&s&&"compare"in s&&r(s.compare)}).catch(p=>{h||a(p instanceof Error?p.message:String(p))}),()=>{h=!0}},[e.projectId,c,e.baselineId]);const u=new Set(t?.differing??[]),l=t?t.rows.filter(h=>!i||u.has(h.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:i,onChange:h=>d(h.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?n("p",{class:"sync-error",children:o}):null,!t&&!o?n("p",{class:"muted",children:"Loading…"}):null,t?n(ee,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(h=>n("th",{scope:"col",children:h.name??h.sha?.slice(0,7)??h.id},h.id))]})}),n("tbody",{children:l.map(h=>n("tr",{children:[n("th",{scope:"row",title:h.column,children:h.column}),h.values.map((p,s)=>{const m=h.deltas[s],f=h.better[s];return n("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Ke(p),m!=null&&m!==0?n("span",{class:"delta",children:[" (",Ge(m),")"]}):null]},s)})]},h.column))})]})}),n(Kn,{projectId:e.projectId,rows:t.experiments.map(h=>({id:h.id,label:h.name??h.sha?.slice(0,7)??h.id,live:h.kind==="LIVE"&&(h.status==="RUNNING"||h.status==="QUEUED"),metricNames:h.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(h=>n(er,{plot:h},h.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((h,p)=>n("li",{class:"sync-error",children:[h.revision,": ",h.plot??"all plots",": ",h.message]},p))}):null]}):null]})}function er(e){const{plot:t}=e;return t.kind==="IMAGE"?n(tr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n(Ft,{spec:t.spec})]})}function tr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,l)=>u-l),[o,a]=S(r.length-1),i=r[Math.min(Math.max(o,0),r.length-1)],c=[...new Set(t.images.map(u=>u.revision))].map(u=>{const l=t.images.filter(p=>p.revision===u);if(i===void 0)return l[l.length-1];const h=l.filter(p=>p.step===null||p.step<=i);return h[h.length-1]??l[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",i,n("input",{type:"range",min:0,max:r.length-1,value:o,onInput:u=>a(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:c.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function Ft(e){const t=le(null),[r,o]=S("loading");return z(()=>{const a=t.current;if(!a||e.spec==null)return;let i=null,d=!1;return Vt(a,e.spec).then(c=>{d?c.finalize():(i=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,i?.finalize()}},[e.spec]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const nr=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],rr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],or={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function qt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),r=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function _t(e){return{columns:qt(e.columns),sort:null,git:{...or},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function fe(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const o=e.conditions.filter(a=>a.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function Ie(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function yt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ue(e){return typeof e=="string"?e:""}function bt(e,t,r,o=[]){const a=new Set(t.columns.map(s=>s.id)),i=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(c){const s=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?u={key:c.column,direction:s}:typeof c.field=="string"&&c.field&&(u={key:"field:"+c.field,direction:s})}const l=i.detached===!0?"only":i.detached===!1?"none":"",h={};for(const s of o)s.goal&&(h[s.column]=s.goal);const p=e.columns.filter(s=>a.has(s));return{...r,columns:p.length?p:qt(t.columns),sort:u,git:{branch:ue(i.branch),onBranch:ue(i.onBranch),tag:ue(i.tag),detached:l,author:ue(i.author),message:ue(i.message)},conditions:Array.isArray(i.columns)?i.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function sr(e,t){const r=new Map;for(const o of e.columnGoals)o.goal&&r.set(o.column,o.goal);for(const[o,a]of Object.entries(t.viewGoals))r.set(o,a);return r}function ir(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function ar(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(fe(t)));const o=Ie(t.sort);o&&r.set("orderBy",JSON.stringify(o));for(const a of t.columns)r.append("columns",a);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function lr(e){const{project:t,state:r,update:o}=e,a=l=>o({git:{...r.git,...l}}),i=t.branches.filter(l=>r.showHidden||!l.hidden),d=r.conditions,c=(l,h)=>o({conditions:d.map((p,s)=>s===l?{...p,...h}:p)}),u=d.length+Object.values(r.git).filter(l=>l!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:l=>a({branch:l.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),i.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:l=>a({onBranch:l.currentTarget.value}),children:[n("option",{value:"",children:"any"}),i.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:l=>a({tag:l.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:l=>a({detached:l.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n("input",{type:"search",value:r.git.author,onChange:l=>a({author:l.currentTarget.value})})]}),n("label",{children:["Message",n("input",{type:"search",value:r.git.message,onChange:l=>a({message:l.currentTarget.value})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((l,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:l.column,onChange:p=>c(h,{column:p.currentTarget.value}),children:t.columns.map(p=>n("option",{value:p.id,children:p.id},p.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:l.op,onChange:p=>c(h,{op:p.currentTarget.value}),children:nr.map(p=>n("option",{value:p.op,children:p.label},p.op))})]}),l.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n("input",{type:"text",value:l.value===null||l.value===void 0?"":typeof l.value=="string"?l.value:JSON.stringify(l.value),onChange:p=>c(h,{value:ir(p.currentTarget.value)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>o({conditions:d.filter((p,s)=>s!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const l=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];l&&o({conditions:[...d,{column:l.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function cr(e){const{project:t,state:r,update:o}=e,[a,i]=S(""),d=new Set(r.columns),c=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,b)=>{const _=[...r.columns],g=_.indexOf(f),y=g+b;g<0||y<0||y>=_.length||([_[g],_[y]]=[_[y],_[g]],o({columns:_}))},l=(f,b)=>o({columns:b?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,b)=>{const _={};for(const[g,y]of Object.entries(r.viewGoals))g!==f&&(_[g]=y);(b==="HIGHER"||b==="LOWER")&&(_[f]=b),o({viewGoals:_})},p=a.trim().toLowerCase(),s=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>s.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!p||f.id.toLowerCase().includes(p));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:a,onInput:f=>i(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>o({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),n("ul",{class:"columns-list",children:m.map(f=>{const b=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:b,onChange:g=>l(f.id,g.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:g=>h(f.id,g.currentTarget.value),children:[n("option",{value:"",children:c.get(f.id)?`project: ${(c.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function dr(e){const[t,r]=S(""),[o,a]=S(!1),[i,d]=S(null),c=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),c?n("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const l=t.trim()||e.current||"";if(!l){d("Name the view");return}e.save(l,o).then(h=>{d(h??`Saved “${l}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:o,onChange:u=>a(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,i?n("span",{class:"muted",role:"status",children:i}):null]})}const ur=200;function hr(e){const{project:t}=e,r=t.columns.filter(s=>s.kind==="METRIC"&&s.type==="number"),o=t.branches.filter(s=>!s.hidden),[a,i]=S(t.defaultBranch??o[0]?.name??""),[d,c]=S(r[0]?.id??""),[u,l]=S(null),[h,p]=S(null);return z(()=>{if(!a||!d)return;let s=!1;return l(null),F(Vn,{projectId:t.id,branch:a,columns:[d],first:ur}).then(m=>{const f=m.node;if(s||!f||!("trends"in f))return;const b=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));l({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${$e(d)} on ${a}`,width:560,height:220,data:{values:b},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:$e(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:$e(d)}]}}),p(null)}).catch(m=>{s||p(m instanceof Error?m.message:String(m))}),()=>{s=!0}},[t.id,a,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:a,onChange:s=>i(s.currentTarget.value),children:o.map(s=>n("option",{value:s.name,children:s.name},s.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:s=>c(s.currentTarget.value),children:r.map(s=>n("option",{value:s.id,children:s.id},s.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(Ft,{spec:u}):null]})}const pr=9e4,mr=500,fr=20;function gr(e,t,r){const o=4+e,a=o+2+(t?1+fr*o:0),i=Math.floor(pr/a);return Math.max(5,Math.min(r?100:mr,i))}function _r(e,t){const{commit:r,...o}=e,a={...o,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(a.children=r?.experiments?[...r.experiments]:[]),a}class yr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,o,a={branches:new Set,rows:new Set}){this.collapsedBranches=a.branches,this.collapsedRows=a.rows,this.query=t,this.segments=r,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const r={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:gr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await F(jn,r):await F(An,r);if(this.isStopped())return;const a=o.node;if(!a||!("experiments"in a))throw new Error("the project is gone");const i=a.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of i.nodes)d.has(c.id)||t.rows.push(_r(c,this.query.nested));t.total=Math.max(i.totalCount,t.rows.length),t.cursor=i.pageInfo.endCursor,t.hasNext=i.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(r){t.error=r instanceof Error?r.message:String(r),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const a of r.rows)if(!(!this.includeHidden&&a.hidden)&&(t.push({t:"row",key:r.key+":"+a.id,row:a,seg:r,depth:0}),a.children&&!this.collapsedRows.has(a.id)))for(const i of a.children)!this.includeHidden&&i.hidden||t.push({t:"child",key:r.key+":"+a.id+":"+i.id,row:i,parent:a,depth:1});const o=r.total===null?1:r.error?0:r.total-r.rows.length;for(let a=0;a<o;a++)t.push({t:"more",key:`m:${r.key}:${a}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let o=0;o<r.rows.length;o++){const a=r.rows[o];if(a&&(a.id===t&&(yield{list:r.rows,index:o}),a.children)){const i=a.children.findIndex(d=>d.id===t);i>=0&&(yield{list:a.children,index:i})}}}upsert(t,r){let o=!1;for(const{list:a,index:i}of this.places(t.id)){const d=a[i];d&&(a[i]={...d,...t}),o=!0}return!o&&r&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const i of this.segments)for(const d of i.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const a=this.segments.find(i=>i.key==="detached");return t.detached&&a?(a.rows.unshift({...t}),a.total=(a.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let o=!1;for(const{list:a,index:i}of this.places(t)){const d=a[i];d&&(a[i]={...d,...r}),o=!0}o&&this.changed()}remove(t){let r=!1;for(const o of this.segments){const a=o.rows.length;o.rows=o.rows.filter(i=>i.id!==t),o.rows.length!==a&&(r=!0,o.total!==null&&(o.total-=a-o.rows.length));for(const i of o.rows)i.children?.some(d=>d.id===t)&&(i.children=i.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:o}of this.places(t))return r[o]??null;return null}}const xe=32,wt=12,br=60,vt=2500;function wr(e,t,r){const o=fe(t),a=(u,l,h,p)=>({key:u,label:l,branch:h,filter:p,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[a("all",null,null,o)];const i={...o,kinds:["COMMIT"]};if(o.detached===!0)return[a("detached","Detached runs",null,o)];if(o.branch)return[a("branch:"+o.branch,o.branch,o.branch,i)];if(o.onBranch)return[a("on:"+o.onBranch,`commits on ${o.onBranch}`,null,i)];if(o.tag)return[a("tag:"+o.tag,`tag ${o.tag}`,null,i)];const c=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,l)=>u.name===e.defaultBranch?-1:l.name===e.defaultBranch?1:u.name<l.name?-1:1).map(u=>a("branch:"+u.name,u.name,u.name,{...i,branch:u.name}));return o.detached!==!1&&c.push(a("detached","Detached runs",null,{...o,detached:!0})),c}function vr(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const St=new WeakMap;function kt(e){let t=St.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),St.set(e,t)),t}async function $t(e,t){try{const o=(await F(Cn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function Sr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function kr(e){return(e??"").split(`
`,1)[0]??""}const $r=[36,250,124,120,120,240,140],Ir=116,xr=84;function Er(e){const t=[...$r,...e.map(()=>Ir),xr];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,o)=>r+o,0)}}function Tr(e){ce(e.name);const[t,r]=S(null),[o,a]=S(!1),[i,d]=S(null),[c,u]=S(null),[l,h]=S(null),[,p]=S(0),[s,m]=S(new Set),[f,b]=S(null),[_,g]=S(null),[y,I]=S(!1),H=le(new Map),U=le({branches:new Set,rows:new Set}),V=dt(async()=>{try{const w=await F(Tn,{name:e.name,includeHidden:!0});return w.project?(r(w.project),w.project):(a(!0),null)}catch(w){return w instanceof me&&(w.has("UNAUTHENTICATED")||w.has("FORBIDDEN")||w.has("NOT_FOUND"))?a(!0):d(w),null}},[e.name]);z(()=>{V().then(w=>{if(!w)return;const k=_t(w),C=new URLSearchParams(location.search).get("view"),R=C?w.views.find(E=>E.name===C):void 0;if(!R){u(k);return}$t(w.id,R.name).then(E=>u(bt(R,w,k,E)))})},[V]);const X=c?c.groupByBranch&&yt(c):!1,Q=c&&t?JSON.stringify([t.id,fe(c),Ie(c.sort),c.columns,X,t.branches]):null;z(()=>{if(!t||!c||Q===null)return;const w=new yr({projectId:t.id,filter:fe(c),orderBy:Ie(c.sort),columns:c.columns,nested:X},wr(t,c,X),()=>p(k=>k+1),U.current);return h(w),()=>w.stop()},[Q]),z(()=>{l&&(l.includeHidden=!!c?.showHidden),l?.changed()},[l,c?.showHidden]),z(()=>{if(!l||!t)return;const w={projectId:t.id,columns:l.query.columns},k=Object.keys(l.query.filter).every(A=>A==="includeHidden"),C=A=>{H.current.set(A,Date.now()+vt),setTimeout(()=>{const B=H.current.get(A);B!==void 0&&B<=Date.now()&&(H.current.delete(A),l.changed())},vt+50)},R=Ve(Hn,w,A=>{const B=A.experimentEvents;if(B.change==="REMOVED"||!B.experiment){l.remove(B.experimentId);return}l.upsert(B.experiment,k||B.experiment.kind==="LIVE")&&C(B.experimentId)}),E=Ve(On,w,A=>{const B=A.liveMetrics;l.upsert(B.experiment,!0)&&C(B.experimentId)});return()=>{R(),E()}},[l,t]);const J=c?.baselineId??null,G=c?JSON.stringify(c.columns):"";z(()=>{if(!J||!c)return;let w=!1;return F(Mn,{id:J,columns:c.columns}).then(k=>{const C=k.node;if(w||!Sr(C))return;const R=C;u(E=>E&&E.baselineId===J?{...E,baseline:R}:E)}).catch(k=>b(k instanceof Error?k.message:String(k))),()=>{w=!0}},[J,G]);const O=dt(w=>{u(k=>k&&{...k,...w,view:"view"in w?w.view??null:k.view})},[]),ae=c?.viewGoals,v=je(()=>t&&c?sr(t,c):new Map,[t,ae]);if(o)return n(Ut,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(i)return n(be,{error:i});if(!t||!c||!l)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const $=e.session!==null,T=async w=>{const k=t.views.find(E=>E.name===w),C=new URLSearchParams(location.search);if(k){const E=await $t(t.id,k.name);u(bt(k,t,c,E)),C.set("view",k.name)}else u({..._t(t),view:null}),C.delete("view");const R=C.toString();qe(location.pathname+(R?"?"+R:""),!0)},x=async(w,k)=>{try{const C=await F(Pn,{input:{projectId:t.id,name:w,shared:k,columns:c.columns,filter:fe(c),order:Ie(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([A,B])=>({column:A,goal:B})),includeHidden:c.showHidden}}),R=C.saveView.errors[0];if(R)return`${R.code}: ${R.message}`;const E=C.saveView.view;if(E){const A=[...t.views.filter(Ye=>Ye.id!==E.id),E];r({...t,views:A}),u({...c,view:E.name});const B=new URLSearchParams(location.search);B.set("view",E.name),qe(location.pathname+"?"+B.toString(),!0)}return null}catch(C){return C instanceof Error?C.message:String(C)}},j=async w=>{try{const C=(await F(Dn,{input:{id:w.id}})).deleteView.errors[0];return C?`${C.code}: ${C.message}`:(r({...t,views:t.views.filter(R=>R.id!==w.id)}),await T(null),`Deleted “${w.name}”`)}catch(k){return k instanceof Error?k.message:String(k)}},D=async(w,k,C)=>{try{const R={input:{projectId:t.id,ids:w,branches:k},columns:l.query.columns},E=C?(await F(Nn,R)).unhideRows:(await F(Rn,R)).hideRows,A=E.errors[0];if(A){b(`${A.code}: ${A.message}`);return}for(const B of E.experiments)l.patch(B.id,{hidden:B.hidden,autoHidden:B.autoHidden});k.length&&await V(),m(new Set),b(`${C?"Shown":"Hidden"}: ${w.length+k.length}`)}catch(R){b(R instanceof Error?R.message:String(R))}},L=[...s].map(w=>l.find(w)).filter(w=>w!==null),M=yt(c);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ne(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:ar(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(dr,{views:t.views,current:c.view,signedIn:$,pick:w=>{T(w)},save:x,remove:j}),n(lr,{project:t,state:c,update:O}),n(cr,{project:t,state:c,update:O}),n("label",{title:M?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:c.groupByBranch&&M,disabled:!M,onChange:w=>O({groupByBranch:w.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:c.showHidden,onChange:w=>O({showHidden:w.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":y,onClick:()=>I(!y),"data-testid":"trends-toggle",children:"Trends"}),n("label",{children:[n("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:w=>O({deltas:w.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:s.size?`${s.size} selected`:"Select rows to hide them or to use one as the baseline."}),s.size?n(ee,{children:[n("button",{type:"button",disabled:!$,onClick:()=>{D([...s],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!$,onClick:()=>{D([...s],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:L.length!==1,onClick:()=>O({baseline:L[0]??null,baselineId:L[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:s.size>100,onClick:()=>g([...s]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,c.baseline?n("button",{type:"button",onClick:()=>O({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),y?n(hr,{project:t,onClose:()=>I(!1)}):null,_?n(Zn,{projectId:t.id,ids:_,baselineId:c.baselineId,onClose:()=>g(null)}):null,n(Cr,{project:t,model:l,state:c,goals:v,selected:s,flash:H.current,signedIn:$,onSelect:(w,k)=>{const C=new Set(s);k?C.add(w):C.delete(w),m(C)},onSort:w=>{const k=c.sort,C=k?.key!==w?{key:w,direction:"DESC"}:k.direction==="DESC"?{key:w,direction:"ASC"}:null;O({sort:C})},onHide:(w,k)=>{D([w.id],[],k)},onHideBranch:(w,k)=>{D([],[w],k)}})]})}function Cr(e){const{model:t,state:r}=e,o=le(null),[a,i]=S(0),[d,c]=S(600),u=t.items(),{grid:l,width:h}=je(()=>Er(r.columns),[r.columns]);z(()=>{const g=o.current;if(!g)return;const y=new ResizeObserver(()=>c(g.clientHeight));return y.observe(g),c(g.clientHeight),()=>y.disconnect()},[]),z(()=>{o.current&&(o.current.scrollTop=0),i(0)},[t]);const p=Math.max(0,Math.floor(a/xe)-wt),s=Math.min(u.length,Math.ceil((a+d)/xe)+wt);z(()=>{const g=new Set,y=Math.min(u.length,s+br);for(let I=p;I<y;I++){const H=u[I];H?.t==="more"&&!H.seg.loading&&g.add(H.seg)}for(const I of g)t.load(I)});const m=r.baseline?2:1,f=[];for(let g=p;g<s;g++){const y=u[g];y&&f.push(n(Mr,{item:y,index:g,rowIndex:g+m+1,...e},y.key))}const b=g=>r.sort?.key===g?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(g,y,I,H="")=>n("div",{role:"columnheader",class:`th ${H}`,"aria-sort":b(g),"data-testid":"column-header","data-column":g,children:n("button",{type:"button",class:"sort",title:I,onClick:()=>e.onSort(g),children:[n("span",{children:y}),n("span",{class:"arrow","aria-hidden":"true",children:b(g)==="ascending"?"▲":b(g)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:g=>i(g.currentTarget.scrollTop),style:{"--grid":l,"--table-w":`${h}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),rr.map(g=>_("field:"+g.field,g.label,`Sort by ${g.label.toLowerCase()}`)),r.columns.map(g=>{const y=e.goals.get(g);return _(g,$e(g),`${g}${y?` (${y.toLowerCase()} is better)`:""}`,g.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(Gt,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*xe}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function Mr(e){const{item:t}=e,r={transform:`translateY(${e.index*xe}px)`};if(t.t==="branch"){const o=t.seg,a=e.model.collapsedBranches.has(o.key),i=o.total===null?"…":String(o.total),d=e.project.branches.some(c=>c.name===o.branch&&c.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{a?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:a?"▸":"▾"}),n("strong",{children:o.label}),n("span",{class:"muted small",children:[i," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${o.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,o.error?n("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(Gt,{...e,row:t.row,depth:t.depth,style:r})}class Gt extends pe{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),Ar(this.props)}}function Ar(e){const{row:t,state:r,model:o}=e,a=vr(t),i=kt(t),d=r.baseline?kt(r.baseline):null,c=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),l=o.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:p=>e.onSelect(t.id,p.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!l,"aria-label":`${l?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{l?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:l?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),c?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(p=>n("span",{class:"chip tag",children:p},p))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:kr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:ne(t.committedAt??t.createdAt),children:ne(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(p=>{const s=i.get(p),m=d?.get(p);let f=Ke(s),b="td num",_;if(d&&!c&&typeof s=="number"&&typeof m=="number"){const g=s-m;r.deltas&&(f=Ge(g));const y=e.goals.get(p);if(y&&g!==0){const I=y==="HIGHER"?g>0:g<0;b+=I?" better":" worse",_=`${I?"better":"worse"} than the baseline (${Ge(g)})`}}return n("div",{role:"cell",class:b,title:_,"data-column":p,children:f},p)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function jr(e){ce(e.model);const[t,r]=S(null),[o,a]=S(""),[i,d]=S(null),[c,u]=S(!1),[l,h]=S(null),[p,s]=S(null),[m,f]=S(!1),[b,_]=S(""),[g,y]=S(""),[I,H]=S(""),[U,V]=S(""),[X,Q]=S("");if(z(()=>{F(vn,{project:e.project,model:e.model}).then(v=>{if(!v.project?.model){u(!0);return}r(v.project.id),a(v.project.defaultBranch??""),d(v.project.model)}).catch(v=>{v instanceof me&&v.has("UNAUTHENTICATED")?u(!0):h(v)})},[e.project,e.model]),c)return n(Ut,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(l)return n(be,{error:l});if(!i||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const J=async(v,$)=>{f(!0);try{const T=await v(),x=T.errors[0];x?s(`${x.code}: ${x.message}`):(T.model&&d(T.model),s(`${$}${T.tag?` (tag ${T.tag})`:""}`))}catch(T){s(T instanceof Error?T.message:String(T))}finally{f(!1)}},G={projectId:t,model:i.name},O=i.versions.filter(v=>v.registered),ae=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Re(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[i.name," ",i.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[i.type??"model"," · ",i.path??"no path"," ",i.declaredIn?`· declared in ${i.declaredIn}`:""," · latest"," ",i.latestVersion?.version??"none"]}),i.description?n("p",{children:i.description}):null,i.registryError?n("div",{class:"notice error",children:i.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),i.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:i.stages.map(v=>n("li",{"data-stage":v.stage,children:[n("strong",{children:v.stage}),": ",v.versions.map($=>$.version).join(", ")]},v.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:i.versions.map(v=>n("tr",{"data-testid":"version","data-version":v.version,children:[n("th",{scope:"row",children:v.version}),n("td",{children:n("code",{children:v.commit.slice(0,7)})}),n("td",{children:v.stages.join(", ")}),n("td",{children:v.author}),n("td",{children:ne(v.createdAt)}),n("td",{children:v.active?"active":v.registered?"deregistered":"unregistered"})]},v.version))})]}),ae?n("div",{class:"registry-forms",children:[n("form",{onSubmit:v=>{v.preventDefault(),J(async()=>(await F(Sn,{input:{...G,rev:b.trim()||o,version:g.trim()||null,bump:I||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:b,placeholder:o,onInput:v=>_(v.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:g,placeholder:"v1.2.3 (or bump)",onInput:v=>y(v.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:I,onChange:v=>H(v.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:m,children:"Register"})]})}),n("form",{onSubmit:v=>{v.preventDefault();const $={...G,version:U||(O[0]?.version??""),stage:X.trim()};J(async()=>(await F(kn,{input:$})).assignStage,`Assigned ${$.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:U,onChange:v=>V(v.currentTarget.value),"data-testid":"stage-version",children:O.map(v=>n("option",{value:v.version,children:v.version},v.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:X,required:!0,onInput:v=>Q(v.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:m||O.length===0,children:"Assign"}),n("button",{type:"button",disabled:m||O.length===0||!X.trim(),onClick:()=>{const v={...G,version:U||(O[0]?.version??""),stage:X.trim()};J(async()=>(await F($n,{input:v})).unassignStage,`Unassigned ${v.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:m||i.deprecated,onClick:()=>{confirm(`Deprecate ${i.name}? A new registry tag revives it.`)&&J(async()=>(await F(In,{input:G})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:i.history.map(v=>n("tr",{children:[n("td",{children:ne(v.createdAt)}),n("td",{children:v.kind.toLowerCase()}),n("td",{children:v.version??""}),n("td",{children:v.stage??""}),n("td",{children:v.author}),n("td",{children:n("code",{children:v.tag})})]},v.tag+v.kind))})]})]})}function Rr(e,t){return`${Re(e)}/models/${encodeURIComponent(t)}`}function Nr(e){ce("Models");const[t,r]=S(null),[o,a]=S(0),[i,d]=S(null),[c,u]=S(""),[l,h]=S(null),p=async(s,m)=>{try{const f=await F(xn,{after:s,filter:m?{name:m}:null});r(b=>[...s&&b?b:[],...f.models.nodes]),a(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return z(()=>{const s=setTimeout(()=>{p(null,c.trim())},c?250:0);return()=>clearTimeout(s)},[c]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:c,onInput:s=>u(s.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),l?n(be,{error:l}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[o," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(s=>n("tr",{"data-testid":"model","data-model":s.name,children:[n("th",{scope:"row",children:[s.project?n("a",{href:Rr(s.project.name,s.name),children:s.name}):s.name,s.deprecated?n("span",{class:"chip",children:" deprecated"}):null,s.description?n("div",{class:"muted small",children:s.description}):null,s.registryError?n("div",{class:"sync-error",children:s.registryError.message}):null]}),n("td",{children:s.project?n("a",{href:Re(s.project.name),children:s.project.name}):"—"}),n("td",{children:s.latestVersion?n(ee,{children:[s.latestVersion.version," ",n("span",{class:"muted small",children:ne(s.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:s.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:s.type??""})]},`${s.project?.id??""}:${s.name}`))})]}),i?n("button",{type:"button",onClick:()=>{p(i,c.trim())},children:"More models"}):null]})}const Pr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Dr(e){ce("Access tokens");const[t,r]=S(null),[o,a]=S(null),[i,d]=S(""),[c,u]=S(new Set(["READ","EXPERIMENTS"])),[l,h]=S(null),[p,s]=S(null),m=async()=>{try{const _=await F(Ln,{});r(_.me.tokens)}catch(_){a(_)}};if(z(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:ye(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{h(null);try{const _=await F(Bn,{input:{name:i.trim(),scopes:[...c]}}),g=_.createAccessToken.errors[0];if(g){s(`${g.code}: ${g.message}`);return}h(_.createAccessToken.token??null),s(null),d(""),await m()}catch(_){s(_ instanceof Error?_.message:String(_))}},b=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const y=(await F(Un,{id:_.id})).revokeAccessToken.errors[0];s(y?`${y.code}: ${y.message}`:`Revoked “${_.name}”`),await m()}catch(g){s(g instanceof Error?g.message:String(g))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),o?n(be,{error:o}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:i,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),Pr.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:c.has(_),onChange:g=>{const y=new Set(c);g.currentTarget.checked?y.add(_):y.delete(_),u(y)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!i.trim()||c.size===0,children:"Create token"})]}),l?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:l})]})}):null,p?n("p",{class:"muted",role:"status",children:p}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:ne(_.createdAt)}),n("td",{children:ne(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{b(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]})]})}function Hr(e,t){if(e==="/"||e==="")return n(Gn,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[a,i]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(jr,{project:a,model:i,session:t},e)}const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const a=decodeURIComponent(o[1]);return n(Tr,{name:a,session:t},a)}return e==="/models"?n(Nr,{session:t}):e==="/settings/tokens"?n(Dr,{session:t}):n(Fn,{})}function Or(){const e=fn(),[t,r]=S({loaded:!1});z(()=>{hn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,a=/^\/projects\/[^/]+\/models\//.test(e.path),i=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!a?"page":void 0:d==="/models"?e.path==="/models"||a?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ee,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":i("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":i("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":i("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?o?n(ee,{children:[n("span",{"data-testid":"user",children:o.user}),n("button",{type:"button",onClick:()=>{pn().then(()=>{location.assign(ye("/"))})},children:"Sign out"})]}):n("a",{href:ye(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?Hr(e.path,o):n("p",{class:"muted",children:"Loading…"})})]})}const Oe=document.getElementById("app");Oe&&(_n(Oe),en(n(Or,{}),Oe));
